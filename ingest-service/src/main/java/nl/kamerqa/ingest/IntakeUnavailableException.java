package nl.kamerqa.ingest;

/** The broker or the store could not be reached in time; the same document may be sent again later. */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
