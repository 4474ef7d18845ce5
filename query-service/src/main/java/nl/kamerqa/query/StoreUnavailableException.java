package nl.kamerqa.query;

/** The database could not be reached in time; the HTTP layer answers 503 so clients know to retry. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
