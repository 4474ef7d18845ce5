package nl.kamerqa.support.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * What one service states about its endpoints: which paths need which role for which methods. The kit's filter
 * chain applies every {@code ApiKeyRules} bean (in {@code @Order}) after permitting async and error dispatches, and
 * permits whatever no rule names, so the actuator (health probes, Prometheus), the web page and its static files and
 * the read endpoints stay public. Paths match case-insensitively ({@link ApiKeySecurityAutoConfiguration}).
 *
 * <pre>{@code
 * @Bean
 * ApiKeyRules adminRules() {
 *     return requests -> requests.requestMatchers("/api/admin/**").hasRole(ApiKeyRules.API_KEY);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ApiKeyRules {

    /** The role of a request carrying the API key ({@code kamerqa.security.api-key}); also the health endpoint's. */
    String API_KEY = "api-key";

    /** Every method the firewall lets through but GET, HEAD and OPTIONS (it refuses TRACE and unknown methods). */
    HttpMethod[] WRITE_METHODS = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE};

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

    /** The write methods on {@code pattern} need one of {@code roles}; reads there are left to later rules. */
    static void writes(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                       String pattern, String... roles) {
        for (HttpMethod method : WRITE_METHODS) {
            requests.requestMatchers(method, pattern).hasAnyRole(roles);
        }
    }
}
