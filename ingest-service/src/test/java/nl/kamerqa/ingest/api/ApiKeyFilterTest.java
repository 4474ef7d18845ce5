package nl.kamerqa.ingest.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.ingest.DocumentIntake;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestedDocuments;
import nl.kamerqa.ingest.RawDocumentPublisher;
import nl.kamerqa.ingest.Samples;
import nl.kamerqa.ingest.config.KamerqaProperties;
import nl.kamerqa.ingest.config.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API key on POST /api/documents: 401 without it, 403 with a wrong one, through with the right one. */
@WebMvcTest(controllers = DocumentController.class, properties = "kamerqa.security.api-key=" + ApiKeyFilterTest.KEY)
@Import({DocumentIntake.class, IngestMetrics.class, ApiKeyFilterTest.Support.class})
class ApiKeyFilterTest {

    static final String KEY = "s3cret-upload-key";

    @TestConfiguration
    @EnableConfigurationProperties({KamerqaProperties.class, SecurityProperties.class})
    static class Support {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

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

    private double unauthorized() {
        return meters.get(IngestMetrics.DOCUMENTS).tag("source", "upload").tag("outcome", "rejected")
                .tag("reason", "unauthorized").counter().count();
    }

    @Test
    void uploadWithoutTheHeaderIsAnswered401AndNeverReachesTheIntake() throws Exception {
        double before = unauthorized();

        mvc.perform(post("/api/documents").contentType(MediaType.TEXT_PLAIN).content(Samples.uniqueKamervragenText()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value("missing X-API-Key header"))
                .andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-API-Key\""));

        verifyNoInteractions(publisher, ingested);
        assertThat(unauthorized()).isEqualTo(before + 1);
    }

    @Test
    void multipartUploadWithoutTheHeaderIsAnswered401() throws Exception {
        mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", Samples.minimalPdf())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("missing X-API-Key header"));
        verifyNoInteractions(publisher, ingested);
    }

    @Test
    void emptyHeaderCountsAsMissing() throws Exception {
        mvc.perform(post("/api/documents").header(ApiKeyFilter.HEADER, "").contentType(MediaType.TEXT_PLAIN)
                        .content(Samples.uniqueKamervragenText()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void wrongKeyIsAnswered403AndCountedAsUnauthorized() throws Exception {
        double before = unauthorized();
        for (String wrong : new String[]{"wrong", KEY + "x", KEY.substring(1), KEY.toUpperCase()}) {
            mvc.perform(post("/api/documents").header(ApiKeyFilter.HEADER, wrong).contentType(MediaType.TEXT_PLAIN)
                            .content(Samples.uniqueKamervragenText()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(403))
                    .andExpect(jsonPath("$.detail").value("invalid API key"))
                    .andExpect(header().doesNotExist("WWW-Authenticate"));
        }
        verify(publisher, never()).publish(any());
        assertThat(unauthorized()).isEqualTo(before + 4);
    }

    @Test
    void rightKeyLetsTheUploadThroughToA202() throws Exception {
        given(ingested.find(anyString())).willReturn(Optional.empty());

        mvc.perform(post("/api/documents").header(ApiKeyFilter.HEADER, KEY).contentType(MediaType.TEXT_PLAIN)
                        .content(Samples.uniqueKamervragenText()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        verify(publisher).publish(any());
    }

    @Test
    void readRequestsOutsideAdminAreNotAskedForAKey() throws Exception {
        // no GET handler here: the answer is the MVC's own 405, not the key's 401
        mvc.perform(get("/api/documents")).andExpect(status().isMethodNotAllowed());
    }
}
