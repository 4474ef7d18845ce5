package nl.kamerqa.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestMetrics.Reason;
import nl.kamerqa.ingest.config.SecurityProperties;
import nl.kamerqa.support.security.ApiKeyAuthentication;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits the uploads ({@code POST /api/documents} and {@code /api/documents/batch}, a batch counting as one) per
 * client, where a client is its API key and remote address: a token bucket of
 * {@code kamerqa.security.upload-rate.burst} refilled at {@code requests-per-minute}. A trusted upload key
 * ({@code kamerqa.security.trusted-upload-keys}) has one bucket per key instead, at {@code trusted-requests-per-minute}
 * (by default not limited), so a backfill is not held at the rate meant for people. Over the limit the answer is 429
 * with Retry-After, before the body is read. Runs after the key check (service-support's, in Spring Security's filter
 * chain), so only clients with a key use buckets, and a bucket is named by the key's id, never by the key.
 */
@Component
@Order(UploadRateLimitFilter.ORDER)
public class UploadRateLimitFilter extends OncePerRequestFilter {

    /** Right after Spring Security's filter chain (which holds the key check), before anything reads the body. */
    static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    // enough for every plausible client of one instance; quiet clients' buckets are dropped beyond it
    private static final int MAX_CLIENTS = 10_000;

    private final SecurityProperties.UploadRate rate;
    /** Each null when its kind of client is not limited. */
    private final TokenBuckets buckets;
    private final TokenBuckets trustedBuckets;
    private final IngestMetrics metrics;
    private final HandlerExceptionResolver exceptionResolver;

    public UploadRateLimitFilter(SecurityProperties security, Clock clock, IngestMetrics metrics,
                                 @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.rate = security.uploadRate();
        this.buckets = rate.limited() ? new TokenBuckets(rate.requestsPerMinute(), rate.burst(), clock, MAX_CLIENTS)
                : null;
        this.trustedBuckets = rate.trustedLimited() ? new TokenBuckets(rate.trustedRequestsPerMinute(),
                rate.trustedBurst(), clock, MAX_CLIENTS) : null;
        this.metrics = metrics;
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ApiPaths.upload(request)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication caller = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        ApiKeyAuthentication key = caller instanceof ApiKeyAuthentication k ? k : null;
        boolean trusted = key != null && key.hasRole(ApiSecurityConfig.TRUSTED_UPLOADER);
        String keyId = key == null ? "-" : key.keyId();
        TokenBuckets limit = trusted ? trustedBuckets : buckets;
        // a trusted key's bucket is the key's alone, whatever address it comes from: a per-key limit
        Optional<Duration> wait = limit == null ? Optional.empty()
                : limit.tryTake(trusted ? keyId : keyId + "@" + request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        UploadRateLimitedException limited = new UploadRateLimitedException(trusted
                ? ("too many uploads with this trusted key: at most %d per minute after a burst of %d "
                + "(kamerqa.security.upload-rate.trusted-*); try again later")
                .formatted(rate.trustedRequestsPerMinute(), rate.trustedBurst())
                : ("too many uploads from this client: at most %d per minute after a burst of %d "
                + "(kamerqa.security.upload-rate); try again later").formatted(rate.requestsPerMinute(), rate.burst()),
                wait.get());
        metrics.refusedBeforeIntake(DocumentController.SOURCE, Reason.RATE_LIMITED, limited.getMessage());
        Problems.render(exceptionResolver, request, response, limited, HttpStatus.TOO_MANY_REQUESTS);
    }
}
