package nl.kamerqa.ingest.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.ingest.DocumentIntake;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestedDocuments;
import nl.kamerqa.ingest.RawDocumentPublisher;
import nl.kamerqa.ingest.config.KamerqaProperties;
import nl.kamerqa.ingest.config.SecurityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the upload slice tests share: the real intake and metrics behind {@code POST /api/documents}, with Kafka
 * and MongoDB replaced by mocks, behind the key check with ingest's rules. Subclasses add {@code @WebMvcTest} with their settings and provide a {@code Clock}.
 */
@Import({DocumentIntake.class, IngestMetrics.class, ApiSecurityConfig.class, UploadSliceTest.Support.class})
abstract class UploadSliceTest {

    @TestConfiguration
    @EnableConfigurationProperties({KamerqaProperties.class, SecurityProperties.class})
    static class Support {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;
    @MockitoBean
    RawDocumentPublisher publisher;
    @MockitoBean
    IngestedDocuments ingested;

    /** kamerqa_ingest_documents_total for uploads refused for this reason. */
    double rejected(String reason) {
        return meters.get(IngestMetrics.DOCUMENTS).tag("source", "upload").tag("outcome", "rejected")
                .tag("reason", reason).counter().count();
    }
}
