package nl.kamerqa.parsing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kamerqa.security.*}.
 *
 * @param apiKey the key the write and admin endpoints require in {@code X-API-Key}; from the environment
 *               ({@code KAMERQA_API_KEY}), never baked into an image. Empty: those endpoints are disabled (403).
 */
@ConfigurationProperties(prefix = "kamerqa.security")
public record SecurityProperties(String apiKey) {

    public boolean writesEnabled() {
        return apiKey != null && !apiKey.isBlank();
    }
}
