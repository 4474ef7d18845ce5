package nl.kamerqa.query.config;

import nl.kamerqa.support.security.ApiKeyRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * query-service's rules for the key check of service-support: the admin endpoints ({@code /api/admin/**}, index
 * status and rebuild) need the API key for every method; the search API, the live stream, the web page and the
 * actuator are public. The health endpoint shows its components and details only to the key
 * ({@code show-details: when-authorized} with {@code roles: api-key} in query-service.yml).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    ApiKeyRules queryApiKeyRules() {
        return requests -> requests.requestMatchers("/api/admin/**").hasRole(ApiKeyRules.API_KEY);
    }
}
