package nl.kamerqa.ingest.api;

import java.time.Duration;

/** A client sent more uploads than {@code kamerqa.security.upload-rate} allows: 429 with Retry-After. */
public class UploadRateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public UploadRateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1, as the Retry-After header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
