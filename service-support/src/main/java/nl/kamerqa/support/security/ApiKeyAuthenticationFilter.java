package nl.kamerqa.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads the {@value #HEADER} header in the security filter chain, before the DispatcherServlet (so a multipart
 * upload is refused before its body is read): a right key makes the request an {@link ApiKeyAuthentication} with
 * the key's roles. Without a key, and with a wrong one, the request stays anonymous, so public endpoints answer it
 * as anyone; a guarded one refuses it ({@link ApiKeyRefusals}), a wrong key with 403 rather than 401.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    /** Request attribute set when a key was sent but matched none. */
    static final String WRONG_KEY = ApiKeyAuthenticationFilter.class.getName() + ".WRONG_KEY";

    private final AuthenticationManager authentication;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public ApiKeyAuthenticationFilter(AuthenticationManager authentication) {
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(HEADER);
        if (sent != null && !sent.isEmpty()) {
            try {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(authentication.authenticate(ApiKeyAuthentication.unauthenticated(sent)));
                contexts.setContext(context);
            } catch (AuthenticationException wrong) {
                request.setAttribute(WRONG_KEY, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
