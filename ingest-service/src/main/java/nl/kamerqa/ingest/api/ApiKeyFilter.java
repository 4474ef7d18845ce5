package nl.kamerqa.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestMetrics.Reason;
import nl.kamerqa.ingest.LogValues;
import nl.kamerqa.ingest.config.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards the admin endpoints ({@code /api/admin/**}, any method) and every write method under {@code /api/**}
 * (the upload) with the {@value #HEADER} header; read endpoints and the actuator stay public. Same rules and
 * messages as parser-service.
 *
 * <p>A servlet filter rather than a HandlerInterceptor: the DispatcherServlet parses a multipart upload before
 * any interceptor runs, so only a filter refuses a client without the key before its body is read. The key is
 * compared in constant time (SHA-256 digests of equal length through {@link MessageDigest#isEqual}), so the timing of
 * a wrong key says nothing about the right one, not even its length. The answer is rendered by
 * {@link ApiExceptionHandler}, like every other ProblemDetail of the service.
 */
@Component
@Order(ApiKeyFilter.ORDER)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    static final String DISABLED = "write endpoints are disabled: set KAMERQA_API_KEY";
    static final String MISSING = "missing X-API-Key header";
    static final String INVALID = "invalid API key";
    /** Early, after the observation filter (so refusals show in http_server_requests), before anything reads the body. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    /** Null when no key is configured: then every guarded endpoint is refused. */
    private final byte[] expectedDigest;
    private final IngestMetrics metrics;
    private final HandlerExceptionResolver exceptionResolver;

    public ApiKeyFilter(SecurityProperties security, IngestMetrics metrics,
                        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.expectedDigest = security.writesEnabled() ? sha256(security.apiKey()) : null;
        this.metrics = metrics;
        this.exceptionResolver = exceptionResolver;
        if (expectedDigest == null) {
            log.warn("kamerqa.security.api-key (KAMERQA_API_KEY) is not set: uploads and admin endpoints answer 403");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ApiPaths.guarded(request)) {
            chain.doFilter(request, response);
            return;
        }
        ApiKeyRejectedException rejection = check(request.getHeader(HEADER));
        if (rejection == null) {
            chain.doFilter(request, response);
            return;
        }
        if (ApiPaths.upload(request)) {
            metrics.refusedBeforeIntake(DocumentController.SOURCE, Reason.UNAUTHORIZED, rejection.getMessage());
        } else {
            log.info("refused method={} path={} status={} detail={}", request.getMethod(),
                    LogValues.quoted(ApiPaths.path(request)), rejection.status().value(),
                    LogValues.quoted(rejection.getMessage()));
        }
        Problems.render(exceptionResolver, request, response, rejection, rejection.status());
    }

    private ApiKeyRejectedException check(String given) {
        if (expectedDigest == null) {
            return new ApiKeyRejectedException(HttpStatus.FORBIDDEN, DISABLED);
        }
        if (given == null || given.isEmpty()) {
            return new ApiKeyRejectedException(HttpStatus.UNAUTHORIZED, MISSING);
        }
        if (!MessageDigest.isEqual(sha256(given), expectedDigest)) {
            return new ApiKeyRejectedException(HttpStatus.FORBIDDEN, INVALID);
        }
        return null;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
