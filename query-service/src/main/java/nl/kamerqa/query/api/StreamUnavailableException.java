package nl.kamerqa.query.api;

/** The live stream cannot take this client now (switched off, or this instance is full): 503 with Retry-After. */
public class StreamUnavailableException extends RuntimeException {
    public StreamUnavailableException(String message) {
        super(message);
    }
}
