package nl.kamerqa.ingest.feed;

/** The checkpoint store cannot be reached; a poll stops and is retried later. */
public class SourceStateUnavailableException extends RuntimeException {

    public SourceStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
