package nl.kamerqa.ingest;

import nl.kamerqa.contracts.RawDocument;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static nl.kamerqa.ingest.RawTopic.singleRecordWithSha;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch upload and the trusted key over real HTTP, with a real Kafka broker (embedded, KRaft) and a MongoDB-wire
 * server. Small limits so they are quick to cross: 1 MB per document, 5 parts and 2 MB per batch (the servlet
 * container's own limit is then 3 MB), and one upload a minute after a burst of 2 for a client with the API key.
 * Only the rate-limit test uses the API key for uploads; the others upload with the trusted key, which has no limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ingest-service", "kamerqa.ingest.max-document-size=1MB",
                "kamerqa.ingest.batch.max-parts=5", "kamerqa.ingest.batch.max-size=2MB",
                "kamerqa.security.api-key=" + BatchUploadIntegrationTest.KEY,
                "kamerqa.security.trusted-upload-keys=" + BatchUploadIntegrationTest.TRUSTED_KEY,
                "kamerqa.security.upload-rate.requests-per-minute=1", "kamerqa.security.upload-rate.burst=2"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class BatchUploadIntegrationTest extends UploadHttpTest {

    static final String KEY = "batch-test-api-key";
    static final String TRUSTED_KEY = "batch-test-backfill-key";

    /** One file part of a batch. */
    private record Part(String filename, String contentType, byte[] content) {

        static Part text(String filename) {
            return new Part(filename, "text/plain", Samples.uniqueKamervragenText());
        }

        String sha() {
            return DocumentIntake.sha256Hex(content);
        }
    }

    @Test
    void batchOfFivePartsIsPublishedAsFiveAcknowledgedRecordsAndAnsweredPartByPartInOrder() throws Exception {
        List<Part> parts = List.of(Part.text("kst-36200-VII-201.txt"), Part.text("antwoorden-1.txt"),
                new Part("ah-tk-20222023-901.pdf", "application/pdf", Samples.minimalPdf()),
                Part.text("antwoorden-2.txt"), Part.text("kst-36200-VII-202.txt"));
        List<String> ids = List.of("kst-36200-VII-201", "sha256:" + parts.get(1).sha(), "ah-tk-20222023-901",
                "sha256:" + parts.get(3).sha(), "kst-36200-VII-202");
        double acceptedBefore = counter("accepted", "none");

        HttpResponse<String> response = postBatch(TRUSTED_KEY, new MultipartBody(), parts);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("parts").asInt()).isEqualTo(5);
        assertThat(body.get("accepted").asInt()).isEqualTo(5);
        assertThat(body.get("rejected").asInt()).isZero();
        // answered only after every acknowledgement: each record is on the topic and in the ledger (written after
        // the broker's ack) at the moment the answer arrives
        List<ConsumerRecord<String, byte[]>> records = publishedRecords();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode result = body.get("results").get(i);
            Part part = parts.get(i);
            assertThat(result.get("index").asInt()).isEqualTo(i);
            assertThat(result.get("filename").asString()).isEqualTo(part.filename());
            assertThat(result.get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(result.get("documentId").asString()).isEqualTo(ids.get(i));
            assertThat(result.get("contentSha256").asString()).isEqualTo(part.sha());
            ConsumerRecord<String, byte[]> record = singleRecordWithSha(records, part.sha());
            assertThat(record.key()).isEqualTo(ids.get(i));
            RawDocument raw = JSON.readValue(record.value(), RawDocument.class);
            assertThat(raw.content()).isEqualTo(part.content());
            assertThat(raw.source()).isEqualTo("upload");
            assertThat(raw.metadata()).containsEntry("filename", part.filename());
            assertThat(ledgerEntry(part.sha())).as("ledger entry of part %d", i).isNotNull();
        }
        assertThat(counter("accepted", "none")).as("counted per part").isEqualTo(acceptedBefore + 5);
    }

    @Test
    void emptyPartAndPartOfUnknownTypeAreRejectedWithTheirReasonAndTheOthersAreAccepted() throws Exception {
        List<Part> parts = List.of(Part.text("goed-1.txt"), new Part("leeg.txt", "text/plain", new byte[0]),
                new Part("plaatje.pdf", "application/pdf", Samples.pngImage()),
                new Part("goed-2.pdf", "application/pdf", Samples.minimalPdf()));
        double emptyBefore = counter("rejected", "empty");
        double unsupportedBefore = counter("rejected", "unsupported_type");

        HttpResponse<String> response = postBatch(TRUSTED_KEY, new MultipartBody(), parts);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        JsonNode body = JSON.readTree(response.body());
        assertThat(statuses(body)).containsExactly("ACCEPTED", "REJECTED", "REJECTED", "ACCEPTED");
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        JsonNode empty = body.get("results").get(1);
        assertThat(empty.get("reason").asString()).isEqualTo("empty");
        assertThat(empty.get("detail").asString()).contains("empty (0 bytes)");
        assertThat(empty.get("documentId").isNull()).isTrue();
        JsonNode image = body.get("results").get(2);
        assertThat(image.get("reason").asString()).isEqualTo("unsupported_type");
        assertThat(image.get("detail").asString()).startsWith("unsupported content: a PNG image");
        assertThat(image.get("contentSha256").asString()).isEqualTo(parts.get(2).sha());
        List<ConsumerRecord<String, byte[]>> records = publishedRecords();
        singleRecordWithSha(records, parts.get(0).sha());
        singleRecordWithSha(records, parts.get(3).sha());
        assertThat(RawTopic.withSha(records, parts.get(2).sha())).isEmpty();
        assertThat(counter("rejected", "empty")).isEqualTo(emptyBefore + 1);
        assertThat(counter("rejected", "unsupported_type")).isEqualTo(unsupportedBefore + 1);
    }

    @Test
    void batchOfMorePartsThanTheLimitIsRefusedWith413AndNothingIsPublished() throws Exception {
        List<Part> parts = List.of(Part.text("a.txt"), Part.text("b.txt"), Part.text("c.txt"), Part.text("d.txt"),
                Part.text("e.txt"), Part.text("f.txt"));

        assertThat(refusedWith413(parts)).isEqualTo("the batch has 6 parts, more than the limit of 5 "
                + "(kamerqa.ingest.batch.max-parts); split it");
    }

    @Test
    void batchLargerThanItsTotalLimitIsRefusedWith413AndNothingIsPublished() throws Exception {
        // each under the document limit of 1 MB, together over the batch's 2 MB
        List<Part> parts = List.of(bigText("groot-1.txt", 800_000), bigText("groot-2.txt", 800_000),
                bigText("groot-3.txt", 800_000));

        assertThat(refusedWith413(parts)).isEqualTo("the batch's files are 2400000 bytes together, more than the "
                + "limit of 2097152 bytes (kamerqa.ingest.batch.max-size); split it");
    }

    @Test
    void batchOverTheServletContainersLimitIsRefusedWith413NamingTheBatchLimits() throws Exception {
        List<Part> parts = List.of(bigText("groot-4.txt", 900_000), bigText("groot-5.txt", 900_000),
                bigText("groot-6.txt", 900_000), bigText("groot-7.txt", 900_000));

        assertThat(refusedWith413(parts)).startsWith("the batch is over its limits: at most 5 parts")
                .contains("2097152 bytes together", "1048576 bytes each");
    }

    @Test
    void documentIdSentWithABatchIsRefusedWith400AndNothingIsPublished() throws Exception {
        List<Part> parts = List.of(Part.text("a.txt"), Part.text("b.txt"));

        HttpResponse<String> response = postBatch(TRUSTED_KEY, new MultipartBody().field("documentId",
                "kst-36200-VII-147"), parts);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("parameter").asString()).isEqualTo("documentId");
        assertThat(problem.get("detail").asString()).startsWith("documentId is not accepted by the batch upload")
                .contains("kst-<dossier>[-<toevoeging>]-<nr>", "ah-<tk|ek>-<vergaderjaar yyyyyyyy>-<nr>");
        assertNothingPublished(parts);
    }

    @Test
    void sameBytesTwiceInOneBatchArePublishedOnceAndTheSecondIsADuplicateOfTheFirst() throws Exception {
        byte[] content = Samples.uniqueKamervragenText();
        List<Part> parts = List.of(new Part("eerste.txt", "text/plain", content),
                new Part("kst-36200-VII-203.txt", "text/plain", content));

        HttpResponse<String> response = postBatch(TRUSTED_KEY, new MultipartBody(), parts);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        JsonNode body = JSON.readTree(response.body());
        assertThat(statuses(body)).containsExactly("ACCEPTED", "DUPLICATE");
        String sha = parts.get(0).sha();
        assertThat(body.get("results").get(1).get("documentId").asString()).isEqualTo("sha256:" + sha);
        singleRecordWithSha(publishedRecords(), sha);
    }

    @Test
    void twoContentsUnderOneOfficialFileNameArePublishedAsVersionsInTheOrderOfTheParts() throws Exception {
        List<Part> parts = List.of(Part.text("kst-36200-VII-204.txt"), Part.text("kst-36200-VII-204.txt"));

        HttpResponse<String> response = postBatch(TRUSTED_KEY, new MultipartBody(), parts);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        List<ConsumerRecord<String, byte[]>> records = publishedRecords();
        RawDocument first = JSON.readValue(singleRecordWithSha(records, parts.get(0).sha()).value(), RawDocument.class);
        RawDocument second = JSON.readValue(singleRecordWithSha(records, parts.get(1).sha()).value(), RawDocument.class);
        assertThat(first.metadata()).containsEntry(DocumentIntake.VERSION, "1");
        assertThat(second.metadata()).containsEntry(DocumentIntake.VERSION, "2")
                .containsEntry(DocumentIntake.PREVIOUS_CONTENT_SHA256, parts.get(0).sha());
    }

    @Test
    void batchWithoutTheKeyIsRefused401AndTheTrustedKeyOpensNoAdminEndpoint() throws Exception {
        HttpResponse<String> noKey = postBatch(null, new MultipartBody(), List.of(Part.text("a.txt")));
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(uri("/api/admin/sources"))
                .header("X-API-Key", TRUSTED_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(problemDetail(noKey)).isEqualTo("missing X-API-Key header");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(problemDetail(admin)).isEqualTo(
                "this key may only upload documents (kamerqa.security.trusted-upload-keys)");
    }

    @Test
    void trustedKeyIsNotRateLimitedWhereAClientWithTheApiKeyIsAndABatchCountsAsOneRequest() throws Exception {
        // the API key's burst of 2 holds two batches of two documents each: a batch takes one token
        assertThat(postBatch(KEY, new MultipartBody(), List.of(Part.text("a.txt"), Part.text("b.txt")))
                .statusCode()).isEqualTo(207);
        assertThat(postBatch(KEY, new MultipartBody(), List.of(Part.text("c.txt"), Part.text("d.txt")))
                .statusCode()).isEqualTo(207);
        HttpResponse<String> limited = postBatch(KEY, new MultipartBody(), List.of(Part.text("e.txt")));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(problemDetail(limited)).contains("at most 1 per minute after a burst of 2");

        // from the same address, the trusted key goes on well past that burst
        List<Integer> trusted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trusted.add(postBatch(TRUSTED_KEY, new MultipartBody(), List.of(Part.text("t-" + i + ".txt")))
                    .statusCode());
        }
        assertThat(trusted).containsOnly(207);
    }

    // --- helpers

    private HttpResponse<String> postBatch(String key, MultipartBody body, List<Part> parts) throws Exception {
        parts.forEach(p -> body.file(p.filename(), p.contentType(), p.content()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/documents/batch"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the batch, expects 413 and that none of its parts was published; returns the problem's detail. */
    private String refusedWith413(List<Part> parts) throws Exception {
        HttpResponse<String> response = postBatch(TRUSTED_KEY, new MultipartBody(), parts);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        String detail = problemDetail(response);
        assertNothingPublished(parts);
        return detail;
    }

    private static String problemDetail(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body()).get("detail").asString();
    }

    private static List<String> statuses(JsonNode body) {
        List<String> statuses = new ArrayList<>();
        body.get("results").forEach(r -> statuses.add(r.get("status").asString()));
        return statuses;
    }

    private void assertNothingPublished(List<Part> parts) {
        List<ConsumerRecord<String, byte[]>> records = publishedRecords();
        for (Part part : parts) {
            assertThat(RawTopic.withSha(records, part.sha())).as("records of %s", part.filename()).isEmpty();
            assertThat(ledgerEntry(part.sha())).as("ledger entry of %s", part.filename()).isNull();
        }
    }

    private static Part bigText(String filename, int size) {
        byte[] content = new byte[size];
        byte[] unique = Samples.uniqueKamervragenText();
        Arrays.fill(content, (byte) 'a');
        System.arraycopy(unique, 0, content, 0, unique.length);
        return new Part(filename, "text/plain", content);
    }
}
