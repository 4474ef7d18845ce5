package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.DocumentIds;
import nl.kamerqa.ingest.DocumentIntake;
import nl.kamerqa.ingest.DocumentRejectedException;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestMetrics.Reason;
import nl.kamerqa.ingest.IntakeUnavailableException;
import nl.kamerqa.ingest.config.KamerqaProperties;
import nl.kamerqa.support.web.ServiceExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Every error as an RFC 9457 ProblemDetail whose {@code detail} says why: ingest's own here, the shared ones (the
 * API key's refusals, unexpected errors) from service-support's {@link ServiceExceptionHandler}.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ServiceExceptionHandler {

    private final IngestMetrics metrics;
    private final long maxDocumentSize;
    private final KamerqaProperties.Batch batch;
    private final Duration retryAfter;

    public ApiExceptionHandler(IngestMetrics metrics, KamerqaProperties properties) {
        this.metrics = metrics;
        this.maxDocumentSize = properties.ingest().maxDocumentSize().toBytes();
        this.batch = properties.ingest().batch();
        this.retryAfter = properties.ingest().retryAfter();
    }

    @ExceptionHandler(DocumentRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(DocumentRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case EMPTY, INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
        return problem(status, e.getMessage(), new HttpHeaders());
    }

    /** Names the parameter and, for clients to read, the shapes it may have. */
    @ExceptionHandler(DocumentIdRefusedException.class)
    ResponseEntity<ProblemDetail> documentIdRefused(DocumentIdRefusedException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, e.getMessage(), new HttpHeaders());
        answer.getBody().setProperty("parameter", DocumentIdRefusedException.PARAMETER);
        answer.getBody().setProperty("acceptedShapes", DocumentIds.officialShapes());
        return answer;
    }

    /** From {@link UploadRateLimitFilter}. */
    @ExceptionHandler(UploadRateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(UploadRateLimitedException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), headers);
    }

    @ExceptionHandler(IntakeUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(IntakeUnavailableException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return problem(HttpStatus.SERVICE_UNAVAILABLE,
                "the document was not taken in, try again later: " + e.getMessage(), headers);
    }

    /**
     * The servlet container refused a multipart request over the limit before the controller ran. For a batch it
     * does not say which limit (a part's size, the parts' number or their total), so the answer names all three.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean isBatch = request instanceof ServletWebRequest servlet && ApiPaths.batch(servlet.getRequest());
        String detail = isBatch ? ("the batch is over its limits: at most %d parts (kamerqa.ingest.batch.max-parts), "
                + "%d bytes together (kamerqa.ingest.batch.max-size) and %d bytes each "
                + "(kamerqa.ingest.max-document-size); split it").formatted(batch.maxParts(),
                batch.maxSize().toBytes(), maxDocumentSize) : DocumentIntake.tooLarge(maxDocumentSize).getMessage();
        metrics.refusedBeforeIntake(DocumentController.SOURCE, Reason.TOO_LARGE, detail);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
        return handleExceptionInternal(e, body, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    /** A body declared as a type that is not a document (e.g. image/png, or a form). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        String declared = e.getContentType() == null ? "no Content-Type" : "Content-Type '" + e.getContentType() + "'";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ("unsupported content: %s is not accepted; "
                + "send multipart/form-data with a 'file' part or a body of one of: %s").formatted(declared, supported));
        metrics.refusedBeforeIntake(DocumentController.SOURCE, Reason.UNSUPPORTED_TYPE, body.getDetail());
        return handleExceptionInternal(e, body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
