package nl.kamerqa.query.config;

import nl.kamerqa.query.api.ApiKeyPrincipalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health endpoint's components and details for callers with the API key only
 * ({@code management.endpoint.health.show-details: when-authorized}, {@link ApiKeyPrincipalFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class HealthDetailsConfig {

    /** A servlet filter bean: Boot registers it for every path. */
    @Bean
    ApiKeyPrincipalFilter apiKeyPrincipalFilter(SecurityProperties security) {
        return new ApiKeyPrincipalFilter(security);
    }
}
