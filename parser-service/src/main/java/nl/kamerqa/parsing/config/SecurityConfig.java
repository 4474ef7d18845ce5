package nl.kamerqa.parsing.config;

import nl.kamerqa.support.security.ApiKeyRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * parser-service's rules for the key check of service-support: the admin endpoints ({@code /api/admin/**}) need
 * the API key for every method, reads included (a dead-letter listing shows document content and failure details);
 * elsewhere under {@code /api/**} the write methods do. Reads and the actuator (health probes, Prometheus) are public.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    ApiKeyRules parserApiKeyRules() {
        return requests -> {
            requests.requestMatchers("/api/admin/**").hasRole(ApiKeyRules.API_KEY);
            ApiKeyRules.writes(requests, "/api/**", ApiKeyRules.API_KEY);
        };
    }
}
