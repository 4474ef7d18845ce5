package nl.kamerqa.ingest.feed;

/**
 * One item cannot be had (its file answers 404, is too large, has no usable link): recorded as failed with the
 * reason, and the feed goes on past it. It is tried again when the source reports a change to it.
 */
public class ItemFailedException extends Exception {

    public ItemFailedException(String message) {
        super(message);
    }
}
