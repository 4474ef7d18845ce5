package nl.kamerqa.ingest.feed;

import java.util.Optional;

/** The per-item ledger of the feeds (MongoDB collection {@code feed_items}). */
public interface FeedItems {

    /** @throws SourceStateUnavailableException when the store cannot answer */
    Optional<FeedItem> find(String source, String key);

    /** Replaces what was recorded for (source, key). @throws SourceStateUnavailableException */
    void record(FeedItem item);
}
