package nl.kamerqa.parsing.api;

import nl.kamerqa.parsing.DeadLetter;
import nl.kamerqa.parsing.DeadLetters;
import nl.kamerqa.parsing.DeadLettersUnavailableException;
import nl.kamerqa.parsing.config.SecurityConfig;
import nl.kamerqa.support.security.ApiKeyAuthenticationFilter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API's HTTP edge cases, parser-service's rules for the API key above all, with the dead-letter topic
 * mocked (the key check's own answers for every service are in service-support's ApiKeySecurityAutoConfigurationTest).
 */
@WebMvcTest(DeadLetterController.class)
@Import(SecurityConfig.class)
@TestPropertySource(properties = "kamerqa.security.api-key=" + DeadLetterApiTest.KEY)
class DeadLetterApiTest {

    static final String KEY = "s3cret-admin-key";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DeadLetters deadLetters;

    @Test
    void listingWithTheKeyShowsTheEntries() throws Exception {
        DeadLetter entry = new DeadLetter("kst-1", 2, 7, Instant.parse("2024-05-01T10:00:00Z"),
                "parliament.documents.raw", 1, 41L, "nl.kamerqa.parser.UnsupportedDocumentException",
                "not valid UTF-8", "unsupported document: not valid UTF-8", null, false, null);
        when(deadLetters.list(50)).thenReturn(new DeadLetters.Listing(List.of(entry), "parliament.documents.raw.DLT", 1, 1));

        mvc.perform(get("/api/admin/dead-letters").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].key").value("kst-1"))
                .andExpect(jsonPath("$.items[0].originalTopic").value("parliament.documents.raw"))
                .andExpect(jsonPath("$.items[0].originalPartition").value(1))
                .andExpect(jsonPath("$.items[0].originalOffset").value(41))
                .andExpect(jsonPath("$.items[0].exceptionClass").value("nl.kamerqa.parser.UnsupportedDocumentException"))
                .andExpect(jsonPath("$.items[0].reason").value("unsupported document: not valid UTF-8"))
                .andExpect(jsonPath("$.items[0].deadLetteredAt").value("2024-05-01T10:00:00Z"))
                .andExpect(jsonPath("$.pending").value(1));
    }

    @Test
    void redriveWithTheKeyAnswersHowManyWereRedriven() throws Exception {
        when(deadLetters.redrive(10)).thenReturn(3);
        mvc.perform(post("/api/admin/dead-letters/redrive").param("limit", "10").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.redriven").value(3));
    }

    @Test
    void redriveWithoutALimitRedrivesEverythingPending() throws Exception {
        when(deadLetters.redrive(anyInt())).thenReturn(0);
        mvc.perform(post("/api/admin/dead-letters/redrive").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.redriven").value(0));
        verify(deadLetters).redrive(Integer.MAX_VALUE);
    }

    @Test
    void missingKeyIsA401ProblemNamingTheHeader() throws Exception {
        problem(mvc.perform(post("/api/admin/dead-letters/redrive")), 401, "missing X-API-Key header")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("X-API-Key")));
        problem(mvc.perform(get("/api/admin/dead-letters")), 401, "missing X-API-Key header");
        problem(mvc.perform(get("/api/admin/dead-letters").header(ApiKeyAuthenticationFilter.HEADER, "")), 401,
                "missing X-API-Key header");
        verifyNoInteractions(deadLetters);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong", "s3cret-admin-ke", "s3cret-admin-key ", "S3CRET-ADMIN-KEY", "s3cret-admin-key-and-more"})
    void wrongKeyIsA403Problem(String key) throws Exception {
        problem(mvc.perform(post("/api/admin/dead-letters/redrive").header(ApiKeyAuthenticationFilter.HEADER, key)), 403,
                "invalid API key");
        problem(mvc.perform(get("/api/admin/dead-letters").header(ApiKeyAuthenticationFilter.HEADER, key)), 403,
                "invalid API key");
        verifyNoInteractions(deadLetters);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin;x=1/dead-letters", "/api//admin/dead-letters", "/api/admin/dead-letters;x=1",
            "/api/admin/./dead-letters", "/api/admin/dead-letters/"})
    void otherSpellingsOfTheAdminPathDoNotGetPastTheKey(String path) throws Exception {
        int status = mvc.perform(get(URI.create(path))).andReturn().getResponse().getStatus();
        // 400: Spring Security's firewall refuses ";", "//" and "/./" before any rule is asked
        assertThat(status).as(path).isIn(400, 401, 404);
        verifyNoInteractions(deadLetters);
    }

    @Test
    void anyWriteMethodUnderTheApiNeedsTheKeyEvenWhereNoEndpointExists() throws Exception {
        problem(mvc.perform(post("/api/anything-else")), 401, "missing X-API-Key header");
    }

    @Test
    void readsOutsideTheAdminPathNeedNoKey() throws Exception {
        mvc.perform(get("/api/nothing-here")).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501"})
    void listingLimitOutsideOneToFiveHundredIsRejected(String limit) throws Exception {
        problem(mvc.perform(get("/api/admin/dead-letters").param("limit", limit).header(ApiKeyAuthenticationFilter.HEADER, KEY)),
                400, "limit");
        verifyNoInteractions(deadLetters);
    }

    @Test
    void redriveLimitBelowOneIsRejected() throws Exception {
        problem(mvc.perform(post("/api/admin/dead-letters/redrive").param("limit", "0")
                .header(ApiKeyAuthenticationFilter.HEADER, KEY)), 400, "limit");
        verifyNoInteractions(deadLetters);
    }

    @Test
    void unreachableKafkaIsA503() throws Exception {
        when(deadLetters.list(anyInt())).thenThrow(new DeadLettersUnavailableException("listing failed", null));
        problem(mvc.perform(get("/api/admin/dead-letters").header(ApiKeyAuthenticationFilter.HEADER, KEY)), 503, "listing failed");
    }

    /** No key configured: the admin endpoints are off, whatever key a caller sends. */
    @Nested
    @TestPropertySource(properties = "kamerqa.security.api-key=")
    class WithoutAConfiguredKey {

        @ParameterizedTest
        @ValueSource(strings = {"", "anything", DeadLetterApiTest.KEY})
        void everyAdminRequestIsA403SayingHowToEnableThem(String key) throws Exception {
            problem(mvc.perform(post("/api/admin/dead-letters/redrive").header(ApiKeyAuthenticationFilter.HEADER, key)), 403,
                    "write endpoints are disabled: set KAMERQA_API_KEY");
            problem(mvc.perform(get("/api/admin/dead-letters")), 403,
                    "write endpoints are disabled: set KAMERQA_API_KEY");
            verifyNoInteractions(deadLetters);
        }
    }

    private static ResultActions problem(ResultActions result, int status, String detail) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }
}
