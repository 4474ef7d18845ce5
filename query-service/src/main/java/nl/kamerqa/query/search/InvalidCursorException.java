package nl.kamerqa.query.search;

/** A cursor this service did not make, or made for another order: answered 400 naming {@code cursor}. */
public class InvalidCursorException extends RuntimeException {
    public InvalidCursorException(String message) {
        super(message);
    }
}
