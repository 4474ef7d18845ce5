package nl.kamerqa.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.kamerqa.support.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.List;

/**
 * The answers of a refused request, the same in every service: as entry point (an anonymous request on a guarded
 * endpoint) 403 {@value #DISABLED} when no key is configured, 403 {@value #INVALID} for a wrong key, else 401
 * {@value #MISSING}; as access-denied handler (a right key without the endpoint's role) 403 with the refusal of the
 * key's {@link AdditionalApiKeys}. Each refusal is logged, told to the {@link ApiKeyRefusalListener}s and answered
 * through the MVC exception handlers ({@link ApiKeyRefusedException}), so it looks like every other problem detail.
 */
public final class ApiKeyRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String MISSING = "missing X-API-Key header";
    public static final String INVALID = "invalid API key";
    public static final String DISABLED = "write endpoints are disabled: set KAMERQA_API_KEY";
    static final String NOT_ALLOWED = "this API key may not use this endpoint";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRefusals.class);

    private final ApiKeyAuthenticationProvider keys;
    private final HandlerExceptionResolver resolver;
    private final List<ApiKeyRefusalListener> listeners;

    public ApiKeyRefusals(ApiKeyAuthenticationProvider keys, HandlerExceptionResolver resolver,
                          List<ApiKeyRefusalListener> listeners) {
        this.keys = keys;
        this.resolver = resolver;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!keys.anyConfigured()) {
            refuse(request, response, HttpStatus.FORBIDDEN, DISABLED);
        } else if (request.getAttribute(ApiKeyAuthenticationFilter.WRONG_KEY) != null) {
            refuse(request, response, HttpStatus.FORBIDDEN, INVALID);
        } else {
            refuse(request, response, HttpStatus.UNAUTHORIZED, MISSING);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        String detail = caller instanceof ApiKeyAuthentication key ? keys.refusalFor(key).orElse(NOT_ALLOWED)
                : NOT_ALLOWED;
        refuse(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        log.info("refused method={} path={} status={} detail={}", request.getMethod(),
                LogValues.quoted(request.getRequestURI()), status.value(), LogValues.quoted(detail));
        listeners.forEach(listener -> listener.refused(request, status, detail));
        ApiKeyRefusedException refusal = new ApiKeyRefusedException(status, detail);
        if (resolver.resolveException(request, response, null, refusal) == null && !response.isCommitted()) {
            // no exception handler took it (a service without one): still refuse, with the status and challenge
            refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.sendError(status.value(), detail);
        }
    }
}
