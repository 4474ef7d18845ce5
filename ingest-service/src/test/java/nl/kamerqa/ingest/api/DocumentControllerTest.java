package nl.kamerqa.ingest.api;

import nl.kamerqa.support.security.ApiKeyAuthenticationFilter;
import nl.kamerqa.ingest.ContentSniffer;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.IngestedDocument;
import nl.kamerqa.ingest.IntakeUnavailableException;
import nl.kamerqa.ingest.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HTTP answers of POST /api/documents with the real intake and mocked Kafka and MongoDB adapters; limit 1 KB.
 * Every request carries the API key (the key's own answers are in {@link ApiKeyRulesTest}).
 */
@WebMvcTest(controllers = DocumentController.class,
        properties = {"kamerqa.ingest.max-document-size=1KB", "kamerqa.ingest.retry-after=45s",
                "kamerqa.security.api-key=" + DocumentControllerTest.KEY})
@Import(SystemClock.class)
class DocumentControllerTest extends UploadSliceTest {

    static final String KEY = "test-key-for-uploads";

    private double received() {
        return meters.get(IngestMetrics.RECEIVED).tag("source", "upload").counter().count();
    }

    private static MockHttpServletRequestBuilder upload() {
        return post("/api/documents").header(ApiKeyAuthenticationFilter.HEADER, KEY);
    }

    private static MockMultipartHttpServletRequestBuilder multipartUpload() {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/documents").header(ApiKeyAuthenticationFilter.HEADER, KEY);
    }

    @Test
    void emptyBodyIsRejectedWith400AndCountedAsReceivedAndRejectedAsEmpty() throws Exception {
        double rejectedBefore = rejected("empty"); // the context and its registry are shared by the tests
        double receivedBefore = received();
        mvc.perform(upload().contentType(MediaType.TEXT_PLAIN).content(new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value(containsString("empty")));
        verify(publisher, never()).publish(any());
        assertThat(rejected("empty")).isEqualTo(rejectedBefore + 1);
        assertThat(received()).isEqualTo(receivedBefore + 1);
    }

    @Test
    void emptyMultipartFileIsRejectedWith400() throws Exception {
        mvc.perform(multipartUpload().file(new MockMultipartFile("file", "leeg.txt", "text/plain", new byte[0])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("empty")));
        verify(publisher, never()).publish(any());
    }

    @Test
    void multipartWithoutFilePartIsRejectedWith400() throws Exception {
        mvc.perform(multipartUpload().param("title", "zonder bestand"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("file")));
    }

    @Test
    void unknownBinaryContentIsRejectedWith415EvenWhenDeclaredAsPdf() throws Exception {
        double rejectedBefore = rejected("unsupported_type"); // the context and its registry are shared by the tests
        mvc.perform(upload().contentType(MediaType.APPLICATION_PDF).content(Samples.pngImage()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.detail").value(startsWith("unsupported content: a PNG image")));
        verify(publisher, never()).publish(any());
        assertThat(rejected("unsupported_type")).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void bodyDeclaredAsAnImageIsRejectedWith415ListingWhatIsAccepted() throws Exception {
        double rejectedBefore = rejected("unsupported_type");
        double receivedBefore = received();
        mvc.perform(upload().contentType(MediaType.IMAGE_PNG).content(Samples.pngImage()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(startsWith("unsupported content: Content-Type 'image/png'")))
                .andExpect(jsonPath("$.detail").value(containsString("application/pdf")));
        verify(publisher, never()).publish(any());
        assertThat(rejected("unsupported_type")).isEqualTo(rejectedBefore + 1);
        assertThat(received()).isEqualTo(receivedBefore + 1);
    }

    @Test
    void bodyOverTheConfiguredLimitIsRejectedWith413() throws Exception {
        double rejectedBefore = rejected("too_large"); // the context and its registry are shared by the tests
        double receivedBefore = received();
        byte[] tooBig = new byte[1025];
        Arrays.fill(tooBig, (byte) 'a');

        mvc.perform(upload().contentType(MediaType.TEXT_PLAIN).content(tooBig))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value(containsString("limit of 1024 bytes")));
        verify(publisher, never()).publish(any());
        assertThat(rejected("too_large")).isEqualTo(rejectedBefore + 1);
        assertThat(received()).as("refused before the intake, still counted once").isEqualTo(receivedBefore + 1);
    }

    @Test
    void multipartFileOverTheConfiguredLimitIsRejectedWith413() throws Exception {
        byte[] tooBig = new byte[2048];
        Arrays.fill(tooBig, (byte) 'a');

        mvc.perform(multipartUpload().file(new MockMultipartFile("file", "groot.txt", "text/plain", tooBig)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("2048 bytes")));
        verify(publisher, never()).publish(any());
    }

    @Test
    void newDocumentIsAnswered202WithItsIdAndWhereToFindIt() throws Exception {
        given(ingested.find(anyString())).willReturn(Optional.empty());

        mvc.perform(upload().contentType(MediaType.TEXT_PLAIN)
                        .param("filename", "kst-36200-VII-147.txt").param("title", "Antwoorden")
                        .content("Vraag 1\nAntwoord vraag 1".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.documentId").value("kst-36200-VII-147"))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.contentType").value("text/plain"))
                .andExpect(jsonPath("$.contentSha256").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
                .andExpect(header().string("Location", "http://localhost:8083/api/documents/kst-36200-VII-147"));
        verify(publisher).publish(any());
    }

    @Test
    void emptyDocumentIdCountsAsNoneAndTheIdComesFromTheFileName() throws Exception {
        given(ingested.find(anyString())).willReturn(Optional.empty());

        mvc.perform(upload().contentType(MediaType.TEXT_PLAIN).param("documentId", " ")
                        .param("filename", "kst-36200-VII-149.txt").content(Samples.uniqueKamervragenText()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.documentId").value("kst-36200-VII-149"));
    }

    @Test
    void documentIdOfNoOfficialShapeIsRefusedBeforeTheBodyIsRead() throws Exception {
        double rejectedBefore = rejected("invalid_metadata");
        double receivedBefore = received();
        byte[] tooBig = new byte[2048];
        Arrays.fill(tooBig, (byte) 'a');

        mvc.perform(upload().contentType(MediaType.TEXT_PLAIN).param("documentId", "sha256:abc").content(tooBig))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("documentId"))
                .andExpect(jsonPath("$.acceptedShapes[0].form").value("kst-<dossier>[-<toevoeging>]-<nr>"))
                .andExpect(jsonPath("$.acceptedShapes[0].example").value("kst-36200-VII-147"));
        verify(publisher, never()).publish(any());
        assertThat(rejected("invalid_metadata")).isEqualTo(rejectedBefore + 1);
        assertThat(received()).isEqualTo(receivedBefore + 1);
    }

    @Test
    void knownContentIsAnswered200DuplicateWithoutPublishing() throws Exception {
        given(ingested.find(anyString())).willReturn(Optional.of(new IngestedDocument("x", "ah-tk-20222023-1234",
                "upload", null, null, ContentSniffer.PDF, 10, Instant.parse("2024-01-01T00:00:00Z"))));

        mvc.perform(multipartUpload()
                        .file(new MockMultipartFile("file", "kopie.pdf", "application/pdf", Samples.minimalPdf())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentId").value("ah-tk-20222023-1234"))
                .andExpect(jsonPath("$.status").value("DUPLICATE"))
                .andExpect(jsonPath("$.contentType").value(ContentSniffer.PDF));
        verify(publisher, never()).publish(any());
    }

    @Test
    void brokerFailureIsAnswered503WithRetryAfter() throws Exception {
        given(ingested.find(anyString())).willReturn(Optional.empty());
        willThrow(new IntakeUnavailableException("broker did not acknowledge within PT20S", null))
                .given(publisher).publish(any());

        mvc.perform(upload().contentType(MediaType.TEXT_PLAIN).content(Samples.uniqueKamervragenText()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "45"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(containsString("broker did not acknowledge")));
    }

    @Test
    void storeFailureIsAnswered503WithRetryAfterAndNothingIsPublished() throws Exception {
        given(ingested.find(anyString())).willThrow(new IntakeUnavailableException("document store unavailable", null));

        mvc.perform(upload().contentType(MediaType.TEXT_PLAIN).content(Samples.uniqueKamervragenText()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "45"))
                .andExpect(jsonPath("$.detail").value(containsString("document store unavailable")));
        verify(publisher, never()).publish(any());
    }

    @Test
    void sourceUrlThatIsNotAUrlIsRejectedWith400AsInvalidMetadata() throws Exception {
        double rejectedBefore = rejected("invalid_metadata");
        mvc.perform(upload().contentType(MediaType.TEXT_PLAIN).param("sourceUrl", "not a url")
                        .content(Samples.uniqueKamervragenText()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("sourceUrl")));
        assertThat(rejected("invalid_metadata")).isEqualTo(rejectedBefore + 1);
    }
}
