package nl.kamerqa.ingest.feed;

import java.time.Instant;

/**
 * What became of one item of a source at one of its versions (MongoDB collection {@code feed_items},
 * {@code _id} = source + ":" + key). Sources without change ids (SyncFeed, OData, SRU) are keyed by their own
 * item id and stamped with its modification time, so the same version read again is neither fetched nor
 * published again.
 *
 * @param key           the source's id of the item (SyncFeed/OData GUID, SRU identifier)
 * @param stamp         the item's modification time as the source gives it (bijgewerkt, GewijzigdOp, dt.modified)
 * @param documentId    the documentId it was published (or known) under, null when it failed
 * @param contentSha256 the content taken in, null when none
 * @param reason        why it failed, null otherwise
 */
public record FeedItem(String source, String key, String stamp, Outcome outcome, String documentId,
                       String contentSha256, String reason, Instant at) {

    public enum Outcome {
        PUBLISHED, DUPLICATE, FAILED, DELETED
    }
}
