package nl.kamerqa.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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

    /** Whether {@code given} is the configured key; compared as SHA-256 digests in constant time. */
    public boolean accepts(String given) {
        return hasApiKey() && given != null && !given.isEmpty() && MessageDigest.isEqual(sha256(given), sha256(apiKey));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
