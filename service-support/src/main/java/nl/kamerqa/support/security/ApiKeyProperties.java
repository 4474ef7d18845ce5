package nl.kamerqa.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kamerqa.security.api-key}: the key the guarded endpoints of a service require in {@code X-API-Key}; from the
 * environment ({@code KAMERQA_API_KEY}), never baked into an image. Unset or blank: no request has it, so every
 * guarded endpoint answers 403 saying how to enable it.
 */
@ConfigurationProperties("kamerqa.security")
public record ApiKeyProperties(String apiKey) {

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }
}
