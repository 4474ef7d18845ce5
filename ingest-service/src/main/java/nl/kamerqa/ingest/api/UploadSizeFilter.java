package nl.kamerqa.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.kamerqa.ingest.DocumentIntake;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestMetrics.Reason;
import nl.kamerqa.ingest.config.IngestConfig;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;

/**
 * Refuses a single upload whose declared Content-Length cannot hold a document within the limit, with 413 before a
 * byte of the body is read. The servlet container's multipart limit is sized for a batch, so without this a too large
 * multipart upload was read whole before the controller refused it, and a client that waits for an early answer to
 * {@code Expect: 100-continue} saw its connection closed mid-body instead of the 413.
 */
@Component
@Order(UploadRateLimitFilter.ORDER + 10)
public class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxDocumentSize;
    private final IngestMetrics metrics;
    private final HandlerExceptionResolver exceptionResolver;

    public UploadSizeFilter(KamerqaProperties properties, IngestMetrics metrics,
                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.maxDocumentSize = properties.ingest().maxDocumentSize().toBytes();
        this.metrics = metrics;
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        // a multipart body carries form fields and part headers beside the file
        long limit = maxDocumentSize + IngestConfig.MULTIPART_OVERHEAD.toBytes();
        if (ApiPaths.upload(request) && !ApiPaths.batch(request) && declared > limit) {
            RuntimeException tooLarge = DocumentIntake.tooLarge(declared, maxDocumentSize);
            metrics.refusedBeforeIntake(DocumentController.SOURCE, Reason.TOO_LARGE, tooLarge.getMessage());
            Problems.render(exceptionResolver, request, response, tooLarge, HttpStatus.PAYLOAD_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
