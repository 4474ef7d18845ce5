package nl.kamerqa.parsing;

import java.util.List;

/** Publishes parsed documents and returns only once the broker has acknowledged every one of them. */
public interface ParsedDocumentPublisher {

    /**
     * Sends all, in order, then waits for all acknowledgements (one wait for the batch, not one per event).
     *
     * @throws PublishFailedException when the broker did not acknowledge one of them
     */
    void publishAll(List<StoredResult> results);

    default void publish(StoredResult result) {
        publishAll(List.of(result));
    }

    /** A stable event id, so a re-publish after a crash can be recognised downstream as the same event. */
    static String eventId(String documentId, String contentSha256, String parserVersion) {
        return documentId + ":" + contentSha256 + ":" + parserVersion;
    }
}
