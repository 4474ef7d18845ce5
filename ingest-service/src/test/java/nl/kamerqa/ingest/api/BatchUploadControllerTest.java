package nl.kamerqa.ingest.api;

import nl.kamerqa.support.security.ApiKeyAuthenticationFilter;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.BatchIntake;
import nl.kamerqa.ingest.IntakeUnavailableException;
import nl.kamerqa.ingest.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Answers of POST /api/documents/batch when the broker is away for some or all parts, with the real intake and
 * mocked Kafka and MongoDB adapters (the rest is in BatchUploadIntegrationTest, over real HTTP and Kafka).
 */
@WebMvcTest(controllers = BatchUploadController.class, properties = {"kamerqa.ingest.retry-after=45s",
        "kamerqa.security.api-key=" + BatchUploadControllerTest.KEY})
@Import({BatchIntake.class, SystemClock.class})
class BatchUploadControllerTest extends UploadSliceTest {

    static final String KEY = "batch-slice-key";

    @BeforeEach
    void newDocumentsAreNew() {
        given(ingested.find(anyString())).willReturn(Optional.empty());
    }

    private ResultActions batchOf(String... filenames) throws Exception {
        var request = multipart("/api/documents/batch");
        for (String filename : filenames) {
            request.file(new MockMultipartFile("file", filename, "text/plain", Samples.uniqueKamervragenText()));
        }
        return mvc.perform(request.header(ApiKeyAuthenticationFilter.HEADER, KEY));
    }

    @Test
    void partsTheBrokerDidNotAcknowledgeAreFailedAndTheAnswerSaysWhenToTryAgain() throws Exception {
        willThrow(new IntakeUnavailableException("broker did not acknowledge within PT20S", null)).given(publisher)
                .publish(argThat((RawDocument raw) -> raw.documentId().equals("kst-36200-VII-2")));

        batchOf("kst-36200-VII-1.txt", "kst-36200-VII-2.txt")
                .andExpect(status().isMultiStatus())
                .andExpect(header().string("Retry-After", "45"))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.results[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.results[1].status").value("FAILED"))
                .andExpect(jsonPath("$.results[1].detail").value(containsString("broker did not acknowledge")));
    }

    @Test
    void batchOfWhichNoPartCouldBeTakenInIsAnswered503WithRetryAfter() throws Exception {
        willThrow(new IntakeUnavailableException("broker did not acknowledge within PT20S", null)).given(publisher)
                .publish(any());

        batchOf("a.txt", "b.txt")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "45"))
                .andExpect(jsonPath("$.detail").value(containsString(
                        "no part of the batch was taken in: broker did not acknowledge")));
    }

    @Test
    void batchThatWasTakenInWholeSaysNothingAboutRetrying() throws Exception {
        batchOf("a.txt", "b.txt")
                .andExpect(status().isMultiStatus())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.accepted").value(2));
    }
}
