package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

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
@Import(SystemClock.class)
class ApiKeyFilterTest extends UploadSliceTest {

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
