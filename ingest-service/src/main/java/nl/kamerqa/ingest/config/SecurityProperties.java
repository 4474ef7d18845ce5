package nl.kamerqa.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * ingest's settings under {@code kamerqa.security.*}; the API key itself ({@code kamerqa.security.api-key}) is read by
 * service-support's key check.
 *
 * @param trustedUploadKeys keys of trusted clients such as a backfill: each may upload (single and batch) but not
 *                          call the admin endpoints, and is limited by {@code upload-rate.trusted-*} per key instead
 *                          of the per-client limit. The API key listed here too keeps its admin rights and loses
 *                          its per-client limit.
 * @param uploadRate        how often one client may upload
 */
@ConfigurationProperties("kamerqa.security")
public record SecurityProperties(List<String> trustedUploadKeys, @DefaultValue UploadRate uploadRate) {

    public SecurityProperties {
        // an unset variable binds as one empty key; an empty key must never match an empty header
        trustedUploadKeys = trustedUploadKeys == null ? List.of()
                : trustedUploadKeys.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
    }

    /**
     * A token bucket per client (API key + remote address): {@code burst} uploads at once, refilled at
     * {@code requestsPerMinute}. Behind a reverse proxy set {@code server.forward-headers-strategy} so the remote
     * address is the client's, not the proxy's. A trusted key has one bucket of its own, refilled at
     * {@code trustedRequestsPerMinute}. A batch upload counts as one request: its own limits
     * ({@code kamerqa.ingest.batch}) bound its work.
     *
     * @param requestsPerMinute        sustained uploads per minute per client; 0 switches the limit off
     * @param burst                    uploads a client may send at once after a quiet period
     * @param trustedRequestsPerMinute sustained uploads per minute per trusted key, from all its addresses
     *                                 together; 0 (the default) means not limited
     * @param trustedBurst             uploads a trusted key may send at once after a quiet period
     */
    public record UploadRate(@DefaultValue("120") int requestsPerMinute, @DefaultValue("60") int burst,
                             @DefaultValue("0") int trustedRequestsPerMinute, @DefaultValue("600") int trustedBurst) {

        public UploadRate {
            requireValid(requestsPerMinute, burst, "");
            requireValid(trustedRequestsPerMinute, trustedBurst, "trusted-");
        }

        private static void requireValid(int perMinute, int burst, String prefix) {
            if (perMinute < 0) {
                throw new IllegalArgumentException("kamerqa.security.upload-rate." + prefix
                        + "requests-per-minute must not be negative (0 = no limit)");
            }
            if (perMinute > 0 && burst < 1) {
                throw new IllegalArgumentException("kamerqa.security.upload-rate." + prefix + "burst must be at least 1");
            }
        }

        public boolean limited() {
            return requestsPerMinute > 0;
        }

        public boolean trustedLimited() {
            return trustedRequestsPerMinute > 0;
        }
    }
}
