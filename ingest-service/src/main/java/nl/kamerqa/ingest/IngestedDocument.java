package nl.kamerqa.ingest;

import java.time.Instant;

/**
 * The ledger entry that makes intake idempotent: one per distinct content.
 *
 * @param contentSha256 lower-case hex SHA-256 of the bytes (the ledger key)
 * @param size          number of bytes
 */
public record IngestedDocument(String contentSha256,
                               String documentId,
                               String source,
                               String sourceUrl,
                               String title,
                               String contentType,
                               long size,
                               Instant receivedAt) {
}
