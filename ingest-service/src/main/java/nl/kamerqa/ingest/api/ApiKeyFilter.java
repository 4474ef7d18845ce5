package nl.kamerqa.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestMetrics.Reason;
import nl.kamerqa.support.LogValues;
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

/**
 * Guards the admin endpoints ({@code /api/admin/**}, any method) and every write method under {@code /api/**}
 * (the uploads) with the {@value #HEADER} header; read endpoints and the actuator stay public. Same rules and
 * messages as parser-service. The API key opens all of them; a trusted upload key
 * ({@code kamerqa.security.trusted-upload-keys}) only the uploads.
 *
 * <p>A servlet filter rather than a HandlerInterceptor: the DispatcherServlet parses a multipart upload before
 * any interceptor runs, so only a filter refuses a client without the key before its body is read. Keys are
 * compared in constant time ({@link ApiKeys}). The answer is rendered by {@link ApiExceptionHandler}, like every
 * other ProblemDetail of the service.
 */
@Component
@Order(ApiKeyFilter.ORDER)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    static final String DISABLED = "write endpoints are disabled: set KAMERQA_API_KEY";
    static final String MISSING = "missing X-API-Key header";
    static final String INVALID = "invalid API key";
    static final String UPLOADS_ONLY = "this key may only upload documents (kamerqa.security.trusted-upload-keys)";
    /** Early, after the observation filter (so refusals show in http_server_requests), before anything reads the body. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final IngestMetrics metrics;
    private final HandlerExceptionResolver exceptionResolver;

    public ApiKeyFilter(SecurityProperties security, IngestMetrics metrics,
                        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.keys = new ApiKeys(security);
        this.metrics = metrics;
        this.exceptionResolver = exceptionResolver;
        if (!security.writesEnabled()) {
            log.warn("kamerqa.security.api-key (KAMERQA_API_KEY) is not set: {}", security.trustedUploadKeys().isEmpty()
                    ? "uploads and admin endpoints answer 403" : "admin endpoints answer 403, uploads need a trusted key");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ApiPaths.guarded(request)) {
            chain.doFilter(request, response);
            return;
        }
        ApiKeyRejectedException rejection = check(request);
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

    private ApiKeyRejectedException check(HttpServletRequest request) {
        return switch (keys.match(request.getHeader(HEADER))) {
            case NONE_CONFIGURED -> new ApiKeyRejectedException(HttpStatus.FORBIDDEN, DISABLED);
            case MISSING -> new ApiKeyRejectedException(HttpStatus.UNAUTHORIZED, MISSING);
            case WRONG -> new ApiKeyRejectedException(HttpStatus.FORBIDDEN, INVALID);
            case API_KEY -> null;
            case TRUSTED_UPLOADER -> ApiPaths.upload(request) ? null
                    : new ApiKeyRejectedException(HttpStatus.FORBIDDEN, UPLOADS_ONLY);
        };
    }
}
