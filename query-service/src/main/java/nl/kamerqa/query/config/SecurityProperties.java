package nl.kamerqa.query.config;

import nl.kamerqa.support.ApiKeyDigest;
import org.springframework.boot.context.properties.ConfigurationProperties;


/**
 * @param apiKey the key the admin endpoints require in {@code X-API-Key} (and that shows health details); unset:
 *               the admin endpoints answer 403
 */
@ConfigurationProperties("kamerqa.security")
public record SecurityProperties(String apiKey) {

    /** Whether a key is configured at all. */
    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Whether {@code given} is the configured key; compared in constant time ({@link ApiKeyDigest}). */
    public boolean accepts(String given) {
        return hasApiKey() && ApiKeyDigest.of(apiKey).matches(given);
    }
}
