package nl.kamerqa.query.api;

/** Answered as 404 with the message as the problem detail. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
