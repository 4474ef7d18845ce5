package nl.kamerqa.ingest.api;

import org.springframework.http.HttpStatus;

/** A guarded endpoint was called without the right API key: 401 (no key sent) or 403 (wrong key, or disabled). */
public class ApiKeyRejectedException extends RuntimeException {

    private final HttpStatus status;

    public ApiKeyRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
