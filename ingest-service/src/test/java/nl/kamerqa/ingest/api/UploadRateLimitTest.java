package nl.kamerqa.ingest.api;

import nl.kamerqa.support.security.ApiKeyAuthenticationFilter;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.MutableClock;
import nl.kamerqa.ingest.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads per client: a burst of 2, then one a second (60 a minute). Time is a hand-moved clock, so nothing waits.
 * Every test uses its own remote address, as the buckets outlive a test.
 */
@WebMvcTest(controllers = DocumentController.class, properties = {
        "kamerqa.security.api-key=" + UploadRateLimitTest.KEY,
        "kamerqa.security.upload-rate.requests-per-minute=60", "kamerqa.security.upload-rate.burst=2",
        "kamerqa.security.trusted-upload-keys=other-key, " + UploadRateLimitTest.TRUSTED_KEY,
        "kamerqa.security.upload-rate.trusted-requests-per-minute=60", "kamerqa.security.upload-rate.trusted-burst=3"})
@Import(UploadRateLimitTest.Clocks.class)
class UploadRateLimitTest extends UploadSliceTest {

    static final String KEY = "rate-test-key";
    static final String TRUSTED_KEY = "rate-test-backfill-key";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-04T08:00:00Z"));

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @BeforeEach
    void newDocumentsAreNew() {
        given(ingested.find(anyString())).willReturn(Optional.empty());
    }

    private ResultActions upload(String remoteAddress) throws Exception {
        return upload(KEY, remoteAddress);
    }

    private ResultActions upload(String key, String remoteAddress) throws Exception {
        return mvc.perform(post("/api/documents").header(ApiKeyAuthenticationFilter.HEADER, key)
                .contentType(MediaType.TEXT_PLAIN).content(Samples.uniqueKamervragenText())
                .with(request -> {
                    request.setRemoteAddr(remoteAddress);
                    return request;
                }));
    }

    private double rateLimited() {
        return meters.get(IngestMetrics.DOCUMENTS).tag("source", "upload").tag("outcome", "rejected")
                .tag("reason", "rate_limited").counter().count();
    }

    @Test
    void uploadOverTheBurstIsAnswered429WithRetryAfterAndNotPublished() throws Exception {
        double before = rateLimited();
        upload("10.0.0.1").andExpect(status().isAccepted());
        upload("10.0.0.1").andExpect(status().isAccepted());
        clearInvocations(publisher);

        upload("10.0.0.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 60 per minute")));

        verify(publisher, never()).publish(any());
        assertThat(rateLimited()).isEqualTo(before + 1);
    }

    @Test
    void aClientMayUploadAgainOnceATokenHasGrownBack() throws Exception {
        upload("10.0.0.2").andExpect(status().isAccepted());
        upload("10.0.0.2").andExpect(status().isAccepted());
        upload("10.0.0.2").andExpect(status().isTooManyRequests());

        CLOCK.advance(Duration.ofSeconds(1));

        upload("10.0.0.2").andExpect(status().isAccepted());
        upload("10.0.0.2").andExpect(status().isTooManyRequests());
    }

    @Test
    void anotherAddressHasItsOwnLimit() throws Exception {
        upload("10.0.0.3").andExpect(status().isAccepted());
        upload("10.0.0.3").andExpect(status().isAccepted());
        upload("10.0.0.3").andExpect(status().isTooManyRequests());

        upload("10.0.0.4").andExpect(status().isAccepted());
    }

    @Test
    void clientsWithoutTheKeyAreRefusedBeforeTheyUseABucket() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/documents").contentType(MediaType.TEXT_PLAIN).content(Samples.uniqueKamervragenText())
                            .with(request -> {
                                request.setRemoteAddr("10.0.0.5");
                                return request;
                            }))
                    .andExpect(status().isUnauthorized());
        }
        upload("10.0.0.5").andExpect(status().isAccepted());
    }

    @Test
    void aTrustedKeyHasItsOwnLimitForAllItsAddressesTogether() throws Exception {
        // three from one address: past the per-client burst of 2, within the trusted key's burst of 3
        upload(TRUSTED_KEY, "10.0.1.1").andExpect(status().isAccepted());
        upload(TRUSTED_KEY, "10.0.1.1").andExpect(status().isAccepted());
        upload(TRUSTED_KEY, "10.0.1.1").andExpect(status().isAccepted());

        upload(TRUSTED_KEY, "10.0.1.2")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "too many uploads with this trusted key: at most 60 per minute after a burst of 3")));
        upload("10.0.1.2").andExpect(status().isAccepted());
    }
}
