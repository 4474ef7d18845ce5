package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.BatchIntake;
import nl.kamerqa.ingest.BatchIntake.Outcome;
import nl.kamerqa.ingest.DocumentRejectedException;
import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestMetrics.Reason;
import nl.kamerqa.ingest.IntakeUnavailableException;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch upload for backfills: {@code POST /api/documents/batch}, multipart with one {@code file} part per document,
 * each named by its file name (an official id as the name, {@code kst-36200-VII-147.pdf}, becomes its documentId).
 * Answers 207 with one result per part, in the order sent, once the broker acknowledged every published part; 503
 * when no part could be taken in because the broker or the store is away. Over {@code kamerqa.ingest.batch}'s
 * limits the whole batch is refused (413) before any part is taken in.
 */
@RestController
@RequestMapping(BatchUploadController.PATH)
public class BatchUploadController {

    public static final String PATH = DocumentController.PATH + "/batch";

    private final BatchIntake batchIntake;
    private final IngestMetrics metrics;
    private final KamerqaProperties.Batch limits;
    private final long retryAfterSeconds;

    public BatchUploadController(BatchIntake batchIntake, IngestMetrics metrics, KamerqaProperties properties) {
        this.batchIntake = batchIntake;
        this.metrics = metrics;
        this.limits = properties.ingest().batch();
        this.retryAfterSeconds = Math.max(1, properties.ingest().retryAfter().toSeconds());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<BatchUploadResponse> upload(@RequestPart("file") List<MultipartFile> files,
                                                      @RequestParam(name = DocumentIdRefusedException.PARAMETER,
                                                              required = false) String documentId)
            throws IOException {
        if (documentId != null) {
            throw refused(Reason.INVALID_METADATA, DocumentIdRefusedException.perBatch());
        }
        checkLimits(files);
        List<IncomingDocument> documents = new ArrayList<>(files.size());
        for (MultipartFile file : files) {
            documents.add(new IncomingDocument(DocumentController.SOURCE, file.getBytes(), file.getOriginalFilename(),
                    file.getContentType(), null, null, null, null));
        }
        List<Outcome> outcomes = batchIntake.acceptAll(documents);
        BatchUploadResponse body = BatchUploadResponse.of(files, outcomes);
        if (body.failed() == body.parts()) {
            // nothing taken in: the answer a retrying client (curl --retry) knows, with the reason of the first part
            throw new IntakeUnavailableException("no part of the batch was taken in: " + outcomes.get(0).detail(), null);
        }
        HttpHeaders headers = new HttpHeaders();
        if (body.failed() > 0) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return ResponseEntity.status(HttpStatus.MULTI_STATUS).headers(headers).body(body);
    }

    /** Before any part is read into memory or taken in, so a batch over the limits publishes nothing. */
    private void checkLimits(List<MultipartFile> files) {
        if (files.size() > limits.maxParts()) {
            throw refused(Reason.TOO_LARGE, new DocumentRejectedException(DocumentRejectedException.Reason.TOO_LARGE,
                    "the batch has %d parts, more than the limit of %d (kamerqa.ingest.batch.max-parts); split it"
                            .formatted(files.size(), limits.maxParts())));
        }
        long total = files.stream().mapToLong(MultipartFile::getSize).sum();
        if (total > limits.maxSize().toBytes()) {
            throw refused(Reason.TOO_LARGE, new DocumentRejectedException(DocumentRejectedException.Reason.TOO_LARGE,
                    "the batch's files are %d bytes together, more than the limit of %d bytes "
                            .formatted(total, limits.maxSize().toBytes())
                            + "(kamerqa.ingest.batch.max-size); split it"));
        }
    }

    private RuntimeException refused(Reason reason, RuntimeException e) {
        // a batch refused as a whole counts as one upload: its parts were never offered one by one
        metrics.refusedBeforeIntake(DocumentController.SOURCE, reason, e.getMessage());
        return e;
    }
}
