package nl.kamerqa.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code kamerqa.security.*}.
 *
 * @param apiKey     the key the write and admin endpoints require in {@code X-API-Key}; from the environment
 *                   ({@code KAMERQA_API_KEY}), never baked into an image. Empty: those endpoints are disabled (403).
 * @param uploadRate how often one client may call {@code POST /api/documents}
 */
@ConfigurationProperties("kamerqa.security")
public record SecurityProperties(String apiKey, @DefaultValue UploadRate uploadRate) {

    public boolean writesEnabled() {
        return apiKey != null && !apiKey.isBlank();
    }

    /**
     * A token bucket per client (API key + remote address): {@code burst} uploads at once, refilled at
     * {@code requestsPerMinute}. Behind a reverse proxy set {@code server.forward-headers-strategy} so the remote
     * address is the client's, not the proxy's.
     *
     * @param requestsPerMinute sustained uploads per minute per client; 0 switches the limit off
     * @param burst             uploads a client may send at once after a quiet period
     */
    public record UploadRate(@DefaultValue("120") int requestsPerMinute, @DefaultValue("60") int burst) {

        public UploadRate {
            if (requestsPerMinute < 0) {
                throw new IllegalArgumentException(
                        "kamerqa.security.upload-rate.requests-per-minute must not be negative (0 = no limit)");
            }
            if (requestsPerMinute > 0 && burst < 1) {
                throw new IllegalArgumentException("kamerqa.security.upload-rate.burst must be at least 1");
            }
        }

        public boolean limited() {
            return requestsPerMinute > 0;
        }
    }
}
