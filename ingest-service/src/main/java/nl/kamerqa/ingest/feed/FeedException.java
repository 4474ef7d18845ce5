package nl.kamerqa.ingest.feed;

/**
 * A poll cannot go on: the source is unreachable, answers errors after all retries, or sends something that is
 * not what it should be (an SRU diagnostic, a malformed page). The poll stops where it is, keeps its checkpoint
 * and is retried after a backoff.
 */
public class FeedException extends Exception {

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
