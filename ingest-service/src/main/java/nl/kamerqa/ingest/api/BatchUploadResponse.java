package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.BatchIntake.Outcome;
import nl.kamerqa.ingest.IngestMetrics;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Body of the 207 answer to {@code POST /api/documents/batch}: the counts, then one result per part in the order
 * the parts were sent.
 */
public record BatchUploadResponse(int parts, int accepted, int duplicate, int rejected, int failed,
                                  List<Part> results) {

    /**
     * @param index    the part's position in the request, from 0
     * @param filename the part's file name as sent
     * @param status   ACCEPTED (published now), DUPLICATE (the same bytes were published before), REJECTED (sending
     *                 it again will not help) or FAILED (broker or store away: send it again)
     * @param reason   for REJECTED: empty, too_large, unsupported_type or invalid_metadata (as in the metrics)
     * @param detail   for REJECTED and FAILED: what went wrong
     */
    public record Part(int index, String filename, String status, String documentId, String contentSha256,
                       String contentType, String reason, String detail) {
    }

    static BatchUploadResponse of(List<MultipartFile> files, List<Outcome> outcomes) {
        List<Part> results = IntStream.range(0, outcomes.size()).mapToObj(i -> {
            Outcome o = outcomes.get(i);
            String reason = o.reason() == IngestMetrics.Reason.NONE ? null : o.reason().tag();
            return new Part(i, files.get(i).getOriginalFilename(), o.status().name(), o.documentId(),
                    o.contentSha256(), o.contentType(), reason, o.detail());
        }).toList();
        return new BatchUploadResponse(results.size(), count(outcomes, Outcome.Status.ACCEPTED),
                count(outcomes, Outcome.Status.DUPLICATE), count(outcomes, Outcome.Status.REJECTED),
                count(outcomes, Outcome.Status.FAILED), results);
    }

    private static int count(List<Outcome> outcomes, Outcome.Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }
}
