package nl.kamerqa.ingest.api;

import nl.kamerqa.support.security.ApiKeyAuthenticationFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.ingest.DocumentIntake;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestedDocuments;
import nl.kamerqa.ingest.RawDocumentPublisher;
import nl.kamerqa.ingest.Samples;
import nl.kamerqa.ingest.config.KamerqaProperties;
import nl.kamerqa.ingest.config.SecurityProperties;
import nl.kamerqa.ingest.feed.FeedSources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** No key configured (KAMERQA_API_KEY unset): writes and admin are switched off, whatever key a client sends. */
@WebMvcTest(controllers = {DocumentController.class, SourcesController.class},
        properties = "kamerqa.security.api-key=")
@Import({DocumentIntake.class, ApiSecurityConfig.class, ApiKeyDisabledTest.Support.class})
class ApiKeyDisabledTest {

    @TestConfiguration
    @EnableConfigurationProperties({KamerqaProperties.class, SecurityProperties.class})
    static class Support {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        IngestMetrics ingestMetrics() {
            return new IngestMetrics(new SimpleMeterRegistry());
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RawDocumentPublisher publisher;
    @MockitoBean
    IngestedDocuments ingested;
    @MockitoBean
    FeedSources sources;

    @Test
    void uploadsAreAnswered403SayingHowToEnableThem() throws Exception {
        for (String key : new String[]{null, "", "anything"}) {
            var request = post("/api/documents").contentType(MediaType.TEXT_PLAIN).content(Samples.uniqueKamervragenText());
            if (key != null) {
                request.header(ApiKeyAuthenticationFilter.HEADER, key);
            }
            mvc.perform(request)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("write endpoints are disabled: set KAMERQA_API_KEY"));
        }
        verifyNoInteractions(publisher, ingested);
    }

    @Test
    void adminIsAnswered403Too() throws Exception {
        mvc.perform(get("/api/admin/sources").header(ApiKeyAuthenticationFilter.HEADER, "anything"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("write endpoints are disabled: set KAMERQA_API_KEY"));
        verifyNoInteractions(sources);
    }
}
