package nl.kamerqa.parsing.api;

import nl.kamerqa.support.ApiKeyDigest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Set;

/**
 * Requires the {@value #HEADER} header on the paths it is registered for (see {@code WebConfig}): every method under
 * {@code /api/admin/**}, the write methods elsewhere under {@code /api/**}. Which paths are guarded is left to Spring
 * MVC's own path matching, the same that picks the controller, so spellings such as {@code /api/admin;x=1/...} or
 * {@code /api//admin/...} cannot reach a controller unguarded. The key is compared in constant time
 * ({@link ApiKeyDigest}), so a wrong key's timing says nothing about the right one, not even its length.
 */
public class ApiKeyInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-API-Key";
    static final String DISABLED = "write endpoints are disabled: set KAMERQA_API_KEY";
    static final String MISSING = "missing X-API-Key header";
    static final String INVALID = "invalid API key";

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Null when no key is configured: then every guarded endpoint is refused. */
    private final ApiKeyDigest expected;
    private final boolean readsToo;

    /**
     * @param apiKey   the configured key; blank: guarded endpoints are disabled
     * @param readsToo true for admin paths (GET included), false where only write methods need the key
     */
    public ApiKeyInterceptor(String apiKey, boolean readsToo) {
        this.expected = apiKey == null || apiKey.isBlank() ? null : ApiKeyDigest.of(apiKey);
        this.readsToo = readsToo;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!readsToo && READ_METHODS.contains(request.getMethod())) {
            return true;
        }
        if (expected == null) {
            throw new ApiKeyRejectedException(HttpStatus.FORBIDDEN, DISABLED);
        }
        String given = request.getHeader(HEADER);
        if (given == null || given.isEmpty()) {
            throw new ApiKeyRejectedException(HttpStatus.UNAUTHORIZED, MISSING);
        }
        if (!expected.matches(given)) {
            throw new ApiKeyRejectedException(HttpStatus.FORBIDDEN, INVALID);
        }
        return true;
    }
}
