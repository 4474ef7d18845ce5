package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestMetrics.Reason;
import nl.kamerqa.ingest.config.SecurityProperties;
import nl.kamerqa.support.security.AdditionalApiKeys;
import nl.kamerqa.support.security.ApiKeyRefusalListener;
import nl.kamerqa.support.security.ApiKeyRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * ingest-service's rules for the key check of service-support: the uploads ({@code POST /api/documents} and
 * {@code /api/documents/batch}) take the API key or a trusted upload key ({@code kamerqa.security.trusted-upload-keys});
 * the admin endpoints ({@code /api/admin/**}, any method) and every other write method under {@code /api/**} the API
 * key only; reads and the actuator are public. A refused upload is counted in {@link IngestMetrics} like the intake's
 * own rejections. Enables its settings itself, so that web slice tests (which skip the properties scan) see them too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurityConfig {

    /** The role of a trusted upload key. */
    public static final String TRUSTED_UPLOADER = "trusted-uploader";
    static final String UPLOADS_ONLY = "this key may only upload documents (kamerqa.security.trusted-upload-keys)";

    @Bean
    ApiKeyRules ingestApiKeyRules() {
        return requests -> {
            requests.requestMatchers(HttpMethod.POST, DocumentController.PATH, BatchUploadController.PATH)
                    .hasAnyRole(ApiKeyRules.API_KEY, TRUSTED_UPLOADER);
            requests.requestMatchers("/api/admin/**").hasRole(ApiKeyRules.API_KEY);
            ApiKeyRules.writes(requests, "/api/**", ApiKeyRules.API_KEY);
        };
    }

    @Bean
    AdditionalApiKeys trustedUploadKeys(SecurityProperties security) {
        return new AdditionalApiKeys(TRUSTED_UPLOADER, security.trustedUploadKeys(), UPLOADS_ONLY);
    }

    @Bean
    ApiKeyRefusalListener refusedUploadsCounted(IngestMetrics metrics) {
        return (request, status, detail) -> {
            if (ApiPaths.upload(request)) {
                metrics.refusedBeforeIntake(DocumentController.SOURCE, Reason.UNAUTHORIZED, detail);
            }
        };
    }
}
