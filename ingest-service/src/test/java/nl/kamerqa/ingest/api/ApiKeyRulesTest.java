package nl.kamerqa.ingest.api;

import nl.kamerqa.support.security.ApiKeyAuthenticationFilter;
import nl.kamerqa.ingest.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import java.net.URI;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ingest's rules for service-support's key check, on POST /api/documents: 401 without the key, 403 with a wrong one,
 * through with the right one, each refusal counted; and which other paths need the key, whatever their spelling.
 * (The check's own answers for every service are in service-support's ApiKeySecurityAutoConfigurationTest.)
 */
@WebMvcTest(controllers = DocumentController.class, properties = "kamerqa.security.api-key=" + ApiKeyRulesTest.KEY)
@Import(SystemClock.class)
class ApiKeyRulesTest extends UploadSliceTest {

    static final String KEY = "s3cret-upload-key";

    private double unauthorized() {
        return rejected("unauthorized");
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
        mvc.perform(post("/api/documents").header(ApiKeyAuthenticationFilter.HEADER, "").contentType(MediaType.TEXT_PLAIN)
                        .content(Samples.uniqueKamervragenText()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void wrongKeyIsAnswered403AndCountedAsUnauthorized() throws Exception {
        double before = unauthorized();
        for (String wrong : new String[]{"wrong", KEY + "x", KEY.substring(1), KEY.toUpperCase()}) {
            mvc.perform(post("/api/documents").header(ApiKeyAuthenticationFilter.HEADER, wrong).contentType(MediaType.TEXT_PLAIN)
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

        mvc.perform(post("/api/documents").header(ApiKeyAuthenticationFilter.HEADER, KEY).contentType(MediaType.TEXT_PLAIN)
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

    /**
     * Without a key: admin endpoints (any method) and write methods under /api are refused, by 401, or by the
     * firewall's 400 for a spelling such as {@code //}; reads, other paths and the actuator are not asked for a key.
     */
    @ParameterizedTest(name = "{0} {1} refused without a key: {2}")
    @CsvSource({
            "POST, /api/documents, true",
            "PUT, /api/documents/x, true",
            "DELETE, /api, true",
            "PATCH, /api/documents/x, true",
            "GET, /api/admin/sources, true",
            "GET, /api/admin, true",
            "HEAD, /api/admin/sources, true",
            "GET, /api/admin/sources/, true",
            "GET, //api//admin/sources, true",
            "GET, /API/Admin/sources, true",
            "post, /api/documents, true",
            "GET, /api/documents, false",
            "OPTIONS, /api/documents, false",
            "GET, /api/administration-guide, false",
            "GET, /actuator/health, false",
            "POST, /actuator/health, false"})
    void adminAndWritesUnderApiNeedTheKeyWhateverTheSpelling(String method, String path, boolean guarded)
            throws Exception {
        int status = mvc.perform(request(HttpMethod.valueOf(method), URI.create(path))).andReturn().getResponse()
                .getStatus();
        if (guarded) {
            assertThat(status).as(method + " " + path).isIn(400, 401);
        } else {
            assertThat(status).as(method + " " + path).isNotIn(400, 401, 403);
        }
        verifyNoInteractions(publisher, ingested);
    }
}
