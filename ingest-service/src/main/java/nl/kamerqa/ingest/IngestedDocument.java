package nl.kamerqa.ingest;

import java.time.Instant;

/**
 * The ledger entry that makes intake idempotent: one per distinct content.
 *
 * @param contentSha256 lower-case hex SHA-256 of the bytes (the ledger key)
 * @param size          number of bytes
 * @param published     false when the content was recorded as the same document already published through
 *                      another source (see {@link IncomingDocument#crossSourceDedupe()}), true when it went out
 */
public record IngestedDocument(String contentSha256,
                               String documentId,
                               String source,
                               String sourceUrl,
                               String title,
                               String contentType,
                               long size,
                               Instant receivedAt,
                               boolean published) {

    /** A content that was published. */
    public IngestedDocument(String contentSha256, String documentId, String source, String sourceUrl, String title,
                            String contentType, long size, Instant receivedAt) {
        this(contentSha256, documentId, source, sourceUrl, title, contentType, size, receivedAt, true);
    }
}
