package nl.kamerqa.ingest.api;

import jakarta.servlet.http.HttpServletRequest;
import nl.kamerqa.ingest.ContentSniffer;
import nl.kamerqa.ingest.DocumentIds;
import nl.kamerqa.ingest.DocumentIntake;
import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestMetrics.Reason;
import nl.kamerqa.ingest.IntakeResult;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Uploads: {@code POST /api/documents} as multipart ({@code file} part) or as the raw body.
 * Answers 202 with the document's id when published, 200 with status DUPLICATE when the same bytes came before.
 * A {@code documentId} sent with it (query parameter or form field) is kept as sent when it is an official
 * identifier and refused with 400 otherwise; without one, the id comes from the file name or the content.
 */
@RestController
@RequestMapping(DocumentController.PATH)
public class DocumentController {

    public static final String PATH = "/api/documents";
    public static final String SOURCE = "upload";

    private final DocumentIntake intake;
    private final IngestMetrics metrics;
    private final URI queryBaseUrl;

    public DocumentController(DocumentIntake intake, IngestMetrics metrics, KamerqaProperties properties) {
        this.intake = intake;
        this.metrics = metrics;
        this.queryBaseUrl = properties.ingest().queryBaseUrl();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IntakeResponse> uploadFile(@RequestPart("file") MultipartFile file,
                                                     @RequestParam(required = false) String sourceUrl,
                                                     @RequestParam(required = false) String title,
                                                     @RequestParam(required = false) String documentId)
            throws IOException {
        requireOfficialOrAbsent(documentId);
        if (file.getSize() > intake.maxDocumentSize()) {
            throw refused(Reason.TOO_LARGE, DocumentIntake.tooLarge(file.getSize(), intake.maxDocumentSize()));
        }
        return answer(intake.accept(new IncomingDocument(SOURCE, file.getBytes(), file.getOriginalFilename(),
                file.getContentType(), sourceUrl, title, documentId, null)));
    }

    /** Raw body of one of these types; the bytes decide the real type, the declared one is kept as metadata. */
    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_PDF_VALUE, MediaType.TEXT_HTML_VALUE,
            MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, ContentSniffer.DOCX, ContentSniffer.DOC,
            ContentSniffer.ODT, MediaType.APPLICATION_OCTET_STREAM_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IntakeResponse> uploadBody(HttpServletRequest request,
                                                     @RequestParam(required = false) String sourceUrl,
                                                     @RequestParam(required = false) String title,
                                                     @RequestParam(required = false) String documentId,
                                                     @RequestParam(required = false) String filename)
            throws IOException {
        requireOfficialOrAbsent(documentId);
        byte[] content = readBody(request);
        return answer(intake.accept(new IncomingDocument(SOURCE, content, filename, request.getContentType(),
                sourceUrl, title, documentId, null)));
    }

    /** Before the body is read: an id the caller chose is kept or refused, never replaced by one of ours. */
    private void requireOfficialOrAbsent(String documentId) {
        if (documentId != null && !documentId.isBlank() && !DocumentIds.isOfficial(documentId.strip())) {
            throw refused(Reason.INVALID_METADATA, DocumentIdRefusedException.notOfficial(documentId.strip()));
        }
    }

    /**
     * Refuses a declared Content-Length over the limit without reading; a chunked body is read up to the limit
     * plus one byte, so no more than that is ever held in memory.
     */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        long limit = intake.maxDocumentSize();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw refused(Reason.TOO_LARGE, DocumentIntake.tooLarge(declared, limit));
        }
        try (InputStream in = request.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (content.length > limit) {
                throw refused(Reason.TOO_LARGE, DocumentIntake.tooLarge(limit));
            }
            return content;
        }
    }

    private RuntimeException refused(Reason reason, RuntimeException e) {
        // refused before the intake saw it, so counted and logged here
        metrics.refusedBeforeIntake(SOURCE, reason, e.getMessage());
        return e;
    }

    private ResponseEntity<IntakeResponse> answer(IntakeResult result) {
        URI location = UriComponentsBuilder.fromUri(queryBaseUrl).path(PATH + "/{id}")
                .buildAndExpand(result.documentId()).encode().toUri();
        HttpStatus status = result.status() == IntakeResult.Status.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
        // Location points at the document in query-service, where it appears once parsed
        return ResponseEntity.status(status).location(location).body(IntakeResponse.of(result));
    }
}
