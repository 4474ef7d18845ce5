package nl.kamerqa.ingest.api;

import nl.kamerqa.support.security.ApiKeyAuthenticationFilter;
import nl.kamerqa.ingest.feed.Counts;
import nl.kamerqa.ingest.feed.FeedSources;
import nl.kamerqa.ingest.feed.SourceStateUnavailableException;
import nl.kamerqa.ingest.feed.SourceStatus;
import nl.kamerqa.ingest.IngestMetrics;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/admin/sources: the shape of its answer, a 503 when the checkpoint store is away, and its API key. */
@WebMvcTest(controllers = SourcesController.class, properties = "kamerqa.security.api-key=" + SourcesControllerTest.KEY)
@Import({ApiSecurityConfig.class, SourcesControllerTest.Support.class})
class SourcesControllerTest {

    static final String KEY = "admin-test-key";

    @TestConfiguration
    @EnableConfigurationProperties({KamerqaProperties.class, SecurityProperties.class})
    static class Support {
        @Bean
        IngestMetrics ingestMetrics() {
            return new IngestMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    FeedSources sources;

    @Test
    void everySourceIsListedWithItsCheckpointLastSuccessLastErrorAndCounts() throws Exception {
        given(sources.status()).willReturn(List.of(
                new SourceStatus("syncfeed", true, Map.of("skiptoken", "27845310"), Instant.parse("2026-11-04T08:00:00Z"),
                        "HTTP 500 from https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed: An error has occurred.",
                        Instant.parse("2026-11-04T07:00:00Z"), new Counts(4, 3, 1, 1, 1),
                        Instant.parse("2026-11-04T08:15:00Z")),
                new SourceStatus("sru", false, Map.of(), null, null, null, Counts.ZERO, null)));

        mvc.perform(get("/api/admin/sources").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].name").value("syncfeed"))
                .andExpect(jsonPath("$[0].enabled").value(true))
                .andExpect(jsonPath("$[0].checkpoint.skiptoken").value("27845310"))
                .andExpect(jsonPath("$[0].lastSuccess").value("2026-11-04T08:00:00Z"))
                .andExpect(jsonPath("$[0].lastError").value(containsString("An error has occurred")))
                .andExpect(jsonPath("$[0].lastErrorAt").value("2026-11-04T07:00:00Z"))
                .andExpect(jsonPath("$[0].counts.fetched").value(4))
                .andExpect(jsonPath("$[0].counts.published").value(3))
                .andExpect(jsonPath("$[0].counts.duplicates").value(1))
                .andExpect(jsonPath("$[0].counts.failed").value(1))
                .andExpect(jsonPath("$[0].counts.deleted").value(1))
                .andExpect(jsonPath("$[0].counts.zero").doesNotExist())
                .andExpect(jsonPath("$[1].enabled").value(false))
                .andExpect(jsonPath("$[1].lastSuccess").doesNotExist());
    }

    @Test
    void storeAwayIsAnswered503WithAProblem() throws Exception {
        given(sources.status()).willThrow(new SourceStateUnavailableException("could not read the checkpoints", null));

        mvc.perform(get("/api/admin/sources").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(containsString("could not read the checkpoints")));
    }

    @Test
    void adminEndpointWithoutTheKeyIsAnswered401AndNotCalled() throws Exception {
        mvc.perform(get("/api/admin/sources"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("missing X-API-Key header"));
        verify(sources, never()).status();
    }

    @Test
    void adminEndpointWithAWrongKeyIsAnswered403() throws Exception {
        mvc.perform(get("/api/admin/sources").header(ApiKeyAuthenticationFilter.HEADER, KEY + "x"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("invalid API key"));
        verify(sources, never()).status();
    }
}
