package nl.kamerqa.support.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A guarded endpoint refused the request: 401 (no key sent, with {@code WWW-Authenticate} naming the header) or 403
 * (wrong key, a key without the role, or no key configured). An {@link ErrorResponseException}, so every service's
 * {@code ResponseEntityExceptionHandler} renders it as an RFC 9457 problem like its other errors.
 */
public class ApiKeyRefusedException extends ErrorResponseException {

    /** A 401 must name the scheme; ours is a plain header, not an HTTP authentication scheme. */
    static final String CHALLENGE = "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"";

    public ApiKeyRefusedException(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        if (status == HttpStatus.UNAUTHORIZED) {
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
