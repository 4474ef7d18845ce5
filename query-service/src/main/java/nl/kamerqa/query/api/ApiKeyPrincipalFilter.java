package nl.kamerqa.query.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import nl.kamerqa.query.config.SecurityProperties;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;

/**
 * A request that carries the API key ({@code kamerqa.security.api-key} in {@value IndexAdminController#API_KEY}, the
 * key of the admin endpoints) is seen as the user {@value #NAME} in the role {@value #ROLE}; any other request has
 * no user. Nothing is refused here: this only lets the health endpoint's {@code show-components} and
 * {@code show-details: when-authorized} (with {@code roles: api-key}) work without Spring Security, since Boot asks
 * the servlet request for its user and role. So {@code /actuator/health} and its liveness and readiness groups
 * answer everyone with their status (probes need no key), and the components and their details (database name,
 * disk, error messages) only to a caller with the key ({@link SecurityProperties#accepts}).
 * Registered for every path by {@code HealthDetailsConfig} (a configuration class, so MVC slice tests leave it out).
 */
public class ApiKeyPrincipalFilter extends OncePerRequestFilter {

    /** The role {@code management.endpoint.health.roles} names. */
    public static final String ROLE = "api-key";
    static final String NAME = "api-key";

    private static final Principal PRINCIPAL = () -> NAME;

    private final SecurityProperties security;

    public ApiKeyPrincipalFilter(SecurityProperties security) {
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean withKey = security.accepts(request.getHeader(IndexAdminController.API_KEY));
        chain.doFilter(withKey ? new WithApiKey(request) : request, response);
    }

    private static final class WithApiKey extends HttpServletRequestWrapper {

        WithApiKey(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return PRINCIPAL;
        }

        @Override
        public String getRemoteUser() {
            return NAME;
        }

        @Override
        public boolean isUserInRole(String role) {
            return ROLE.equals(role);
        }
    }
}
