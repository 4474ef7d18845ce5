package nl.kamerqa.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKey the key the admin endpoints require in {@code X-API-Key}; unset: they answer 403
 */
@ConfigurationProperties("kamerqa.security")
public record SecurityProperties(String apiKey) {
}
