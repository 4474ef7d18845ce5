package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.IntakeResult;

/**
 * Body of 202 Accepted and 200 OK answers to {@code POST /api/documents}.
 *
 * @param status ACCEPTED (published now) or DUPLICATE (same bytes published before; nothing sent)
 */
public record IntakeResponse(String documentId, String contentSha256, String status, String contentType) {

    static IntakeResponse of(IntakeResult result) {
        return new IntakeResponse(result.documentId(), result.contentSha256(), result.status().name(),
                result.contentType());
    }
}
