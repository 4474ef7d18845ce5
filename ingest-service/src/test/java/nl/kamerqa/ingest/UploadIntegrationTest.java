package nl.kamerqa.ingest;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.RawDocument;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static nl.kamerqa.ingest.RawTopic.header;
import static nl.kamerqa.ingest.RawTopic.singleRecordWithSha;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload path end to end: real HTTP server, a real Kafka broker (embedded, KRaft) and a MongoDB-wire server.
 * The document limit is 4 MB here, so a document larger than Kafka's 1 MB default and an oversized multipart
 * upload both fit in a quick test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ingest-service", "kamerqa.ingest.max-document-size=4MB",
                "kamerqa.security.api-key=" + UploadIntegrationTest.KEY})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class UploadIntegrationTest extends UploadHttpTest {

    static final String KEY = "integration-test-key";

    @Test
    void uploadedDocumentIsPublishedOnceAndTheSameContentAgainIsAnsweredDuplicate() throws Exception {
        byte[] content = Samples.uniqueKamervragenText();
        String sha = DocumentIntake.sha256Hex(content);
        double acceptedBefore = counter("accepted", "none");
        double duplicateBefore = counter("duplicate", "none");

        HttpResponse<String> first = postBody(content, "text/plain; charset=UTF-8",
                "?documentId=kst-36200-VII-147&title=Antwoorden&filename=antwoorden.txt"
                        + "&sourceUrl=https://zoek.officielebekendmakingen.nl/kst-36200-VII-147.html");

        assertThat(first.statusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(first.body());
        assertThat(accepted.get("documentId").asString()).isEqualTo("kst-36200-VII-147");
        assertThat(accepted.get("contentSha256").asString()).isEqualTo(sha);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("contentType").asString()).isEqualTo("text/plain");
        assertThat(first.headers().firstValue("Location"))
                .hasValue("http://localhost:8083/api/documents/kst-36200-VII-147");

        ConsumerRecord<String, byte[]> record = singleRecordWithSha(publishedRecords(), sha);
        assertThat(record.key()).isEqualTo("kst-36200-VII-147");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo("kst-36200-VII-147:" + sha);
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(CloudEventHeaders.TYPE_RAW);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/kamerqa/ingest/upload");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(record.headers().lastHeader("__TypeId__")).as("no Java class names on the wire").isNull();

        RawDocument raw = JSON.readValue(record.value(), RawDocument.class);
        assertThat(raw.content()).isEqualTo(content);
        assertThat(raw.schemaVersion()).isEqualTo(RawDocument.SCHEMA_VERSION);
        assertThat(raw.documentId()).isEqualTo("kst-36200-VII-147");
        assertThat(raw.contentSha256()).isEqualTo(sha);
        assertThat(raw.contentType()).isEqualTo("text/plain");
        assertThat(raw.source()).isEqualTo("upload");
        assertThat(raw.title()).isEqualTo("Antwoorden");
        assertThat(raw.sourceUrl()).isEqualTo("https://zoek.officielebekendmakingen.nl/kst-36200-VII-147.html");
        assertThat(java.time.Instant.parse(raw.receivedAt())).isNotNull();
        assertThat(raw.metadata()).containsEntry("filename", "antwoorden.txt")
                .containsEntry("declaredContentType", "text/plain; charset=UTF-8");

        Document ledgerEntry = ledgerEntry(sha);
        assertThat(ledgerEntry).isNotNull();
        assertThat(ledgerEntry.getString("documentId")).isEqualTo("kst-36200-VII-147");
        assertThat(ledgerEntry.getString("source")).isEqualTo("upload");
        assertThat(ledgerEntry.getString("contentType")).isEqualTo("text/plain");
        assertThat(ledgerEntry.get("size", Number.class).longValue()).isEqualTo(content.length);
        assertThat(ledgerEntry.get("receivedAt")).isInstanceOf(Date.class);

        // the same bytes again, now as multipart under another name: content decides, not metadata
        HttpResponse<String> second = postMultipart(content, "kopie.txt", "text/plain", Map.of("title", "Kopie"));

        assertThat(second.statusCode()).isEqualTo(200);
        JsonNode duplicate = JSON.readTree(second.body());
        assertThat(duplicate.get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.get("documentId").asString()).isEqualTo("kst-36200-VII-147");
        assertThat(duplicate.get("contentSha256").asString()).isEqualTo(sha);
        // the producer waits for the broker's ack before answering, so the end offsets read now include anything
        // the second upload could have published
        singleRecordWithSha(publishedRecords(), sha);
        assertThat(counter("accepted", "none")).isEqualTo(acceptedBefore + 1);
        assertThat(counter("duplicate", "none")).isEqualTo(duplicateBefore + 1);
    }

    @Test
    void aSubscriberReadsTheRawEventThroughTheCloudEventsSdkAndItsDataAsARawDocument() throws Exception {
        byte[] content = Samples.uniqueKamervragenText();
        String sha = DocumentIntake.sha256Hex(content);

        HttpResponse<String> response = postBody(content, "text/plain; charset=UTF-8", "?documentId=kst-36200-VII-171");
        assertThat(response.statusCode()).isEqualTo(202);

        CloudEvent event = RawTopic.subscribedEvent(broker.getBrokersAsString(), properties.topics().raw(),
                "kst-36200-VII-171:" + sha);
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getType()).isEqualTo(CloudEventHeaders.TYPE_RAW);
        assertThat(event.getSource()).isEqualTo(URI.create("/kamerqa/ingest/upload"));
        assertThat(event.getSubject()).isEqualTo("kst-36200-VII-171");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        RawDocument raw = JSON.readValue(event.getData().toBytes(), RawDocument.class);
        assertThat(raw.documentId()).isEqualTo("kst-36200-VII-171");
        assertThat(raw.content()).isEqualTo(content);
        assertThat(event.getTime().toInstant()).isEqualTo(Instant.parse(raw.receivedAt()));
    }

    @Test
    void multipartPdfWithoutOfficialIdIsPublishedUnderItsContentHash() throws Exception {
        byte[] pdf = Samples.minimalPdf();

        HttpResponse<String> response = postMultipart(pdf, "antwoorden.pdf", "application/octet-stream",
                Map.of("title", "Antwoorden"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        String sha = body.get("contentSha256").asString();
        assertThat(body.get("documentId").asString()).isEqualTo("sha256:" + sha);
        assertThat(body.get("contentType").asString()).isEqualTo("application/pdf");
        ConsumerRecord<String, byte[]> record = singleRecordWithSha(publishedRecords(), sha);
        assertThat(record.key()).isEqualTo("sha256:" + sha);
        RawDocument raw = JSON.readValue(record.value(), RawDocument.class);
        assertThat(raw.content()).isEqualTo(pdf);
        assertThat(raw.metadata()).containsEntry("filename", "antwoorden.pdf")
                .containsEntry("declaredContentType", "application/octet-stream")
                .doesNotContainKey("declaredDocumentId");
    }

    @Test
    void word97UploadIsAcceptedAndPublishedAsMsword() throws Exception {
        byte[] doc = Samples.word97Document();

        HttpResponse<String> response = postMultipart(doc, "antwoorden.doc", "application/msword", Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("contentType").asString()).isEqualTo("application/msword");
        RawDocument raw = JSON.readValue(singleRecordWithSha(publishedRecords(),
                body.get("contentSha256").asString()).value(), RawDocument.class);
        assertThat(raw.content()).isEqualTo(doc);
        assertThat(raw.contentType()).isEqualTo("application/msword");
    }

    @Test
    void excelWorkbookIsRefusedWith415SayingItIsNoWordDocument() throws Exception {
        HttpResponse<String> response = postBody(Samples.excelWorkbook(), "application/octet-stream",
                "?filename=vragen.xls");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("unsupported content: a legacy "
                + "Office/OLE file that is no Word 97-2003 document (an Excel workbook (.xls)); only Word documents are read");
    }

    @Test
    void documentIdOfNoOfficialShapeIsRefusedWith400ListingTheAcceptedShapesAndNothingIsPublished() throws Exception {
        byte[] asQueryParameter = Samples.uniqueKamervragenText();
        byte[] asFormField = Samples.minimalPdf();
        double refusedBefore = counter("rejected", "invalid_metadata");

        HttpResponse<String> query = postBody(asQueryParameter, "text/plain", "?documentId=my-doc-1");
        HttpResponse<String> form = postMultipart(asFormField, "kst-36200-VII-147.pdf", "application/pdf",
                Map.of("documentId", "KST-36200-VII-147"));

        for (HttpResponse<String> response : List.of(query, form)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("parameter").asString()).isEqualTo("documentId");
            assertThat(problem.get("detail").asString()).startsWith("documentId '")
                    .contains("kst-<dossier>[-<toevoeging>]-<nr>", "ah-<tk|ek>-<vergaderjaar yyyyyyyy>-<nr>",
                            "kv-<tk|ek>-<yyyy>Z<nr>", "blg-<nr>", "h-<tk|ek>-");
            assertThat(problem.get("acceptedShapes").findValuesAsString("example")).containsExactly(
                    "kst-36200-VII-147", "ah-tk-20222023-1234", "kv-tk-2023Z12345", "blg-1032749", "h-tk-20222023-12-3");
        }
        assertThat(JSON.readTree(query.body()).get("detail").asString()).contains("'my-doc-1'");
        assertThat(JSON.readTree(form.body()).get("detail").asString()).contains("'KST-36200-VII-147'");
        List<ConsumerRecord<String, byte[]>> records = publishedRecords();
        for (byte[] content : List.of(asQueryParameter, asFormField)) {
            assertThat(RawTopic.withSha(records, DocumentIntake.sha256Hex(content))).as("records of a refused upload")
                    .isEmpty();
        }
        assertThat(counter("rejected", "invalid_metadata")).isEqualTo(refusedBefore + 2);
    }

    @Test
    void officialDocumentIdIsKeptAsSentOverAnOfficialFileName() throws Exception {
        HttpResponse<String> response = postMultipart(Samples.minimalPdf(), "kst-36200-VII-148.pdf",
                "application/pdf", Map.of("documentId", " ah-tk-20222023-1234 "));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("documentId").asString()).isEqualTo("ah-tk-20222023-1234");
        ConsumerRecord<String, byte[]> record = singleRecordWithSha(publishedRecords(),
                body.get("contentSha256").asString());
        assertThat(record.key()).isEqualTo("ah-tk-20222023-1234");
        assertThat(JSON.readValue(record.value(), RawDocument.class).documentId()).isEqualTo("ah-tk-20222023-1234");
    }

    @Test
    void documentLargerThanKafkasDefaultRecordLimitIsPublished() throws Exception {
        // random letters barely compress, so broker and producer both see a record of about 4 MB
        byte[] content = randomText(3 * 1024 * 1024);

        HttpResponse<String> response = postBody(content, "text/plain", "?filename=groot.txt");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String sha = JSON.readTree(response.body()).get("contentSha256").asString();
        ConsumerRecord<String, byte[]> record = singleRecordWithSha(publishedRecords(), sha);
        assertThat(record.value().length).isGreaterThan(4 * 1024 * 1024);
        assertThat(JSON.readValue(record.value(), RawDocument.class).content()).isEqualTo(content);
    }

    @Test
    void multipartUploadOverTheLimitIsRefusedWith413BeforeReachingTheController() throws Exception {
        byte[] content = randomText(4 * 1024 * 1024 + 200 * 1024);

        HttpResponse<String> response = postMultipart(content, "te-groot.txt", "text/plain", Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).contains("larger than the limit of 4194304 bytes");
    }

    @Test
    void multipartUploadDeclaredOverTheLimitIsAnswered413BeforeTheClientSendsTheBody() throws Exception {
        long declared = 4L * 1024 * 1024 + 2 * 1024 * 1024; // over the document limit plus the multipart room
        assertThat(statusLineWithoutSendingTheBody("X-API-Key: " + KEY + "\r\n", declared))
                .startsWith("HTTP/1.1 413");
    }

    /** The key check runs in Spring Security's filter chain, before the DispatcherServlet parses a multipart body. */
    @Test
    void multipartUploadWithoutTheKeyIsAnswered401BeforeTheClientSendsTheBody() throws Exception {
        assertThat(statusLineWithoutSendingTheBody("", 1024 * 1024)).startsWith("HTTP/1.1 401");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] content = randomText(4 * 1024 * 1024 + 100 * 1024);
        // an InputStream publisher sends no Content-Length, so the limit is enforced while reading
        HttpRequest request = HttpRequest.newBuilder(uri("/api/documents"))
                .header("Content-Type", "text/plain")
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(content)))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .contains("larger than the limit of 4194304 bytes");
    }

    @Test
    void uploadWithoutTheKeyIsRefusedOverRealHttpAndTheActuatorStaysPublic() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/documents"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.uniqueKamervragenText()))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("missing X-API-Key header");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void healthShowsMongoAndKafkaUpAndReadinessIncludesBoth() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        JsonNode ready = JSON.readTree(readiness.body());
        assertThat(ready.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "mongo", "kafka");
        JsonNode live = JSON.readTree(get("/actuator/health/liveness").body());
        assertThat(live.get("components").propertyNames()).containsExactly("livenessState");
    }

    @Test
    void prometheusExposesReceivedAndTheDocumentCounterByOutcomeAndReason() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        String app = "application=\"ingest-service\"";
        assertThat(response.body())
                .contains("kamerqa_ingest_documents_received_total{" + app + ",source=\"upload\"}")
                .contains("kamerqa_ingest_documents_total{" + app + ",outcome=\"accepted\",reason=\"none\",source=\"upload\"}")
                .contains("kamerqa_ingest_documents_total{" + app + ",outcome=\"duplicate\",reason=\"none\",source=\"upload\"}")
                .contains("kamerqa_ingest_documents_total{" + app + ",outcome=\"failed\",reason=\"none\",source=\"upload\"}");
        for (String reason : List.of("empty", "too_large", "unsupported_type", "invalid_metadata", "unauthorized",
                "rate_limited")) {
            assertThat(response.body()).contains("kamerqa_ingest_documents_total{" + app
                    + ",outcome=\"rejected\",reason=\"" + reason + "\",source=\"upload\"}");
        }
    }

    // --- helpers

    /**
     * The final status line of a multipart upload whose head announces {@code contentLength} bytes that are never
     * sent: after Tomcat's interim "100 Continue" the answer must come anyway; had anything started reading the body,
     * it would never come (read timeout).
     */
    private String statusLineWithoutSendingTheBody(String extraHeaders, long contentLength) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + contentLength + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader answer = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = answer.readLine();
            while (statusLine != null && (statusLine.startsWith("HTTP/1.1 1") || statusLine.isEmpty())) {
                statusLine = answer.readLine();
            }
            return statusLine;
        }
    }

    private static byte[] randomText(int length) {
        SecureRandom random = new SecureRandom();
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n";
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
            text[i] = (byte) letters.charAt(random.nextInt(letters.length()));
        }
        return text;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postBody(byte[] content, String contentType, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/documents" + query))
                .header("Content-Type", contentType)
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postMultipart(byte[] content, String filename, String contentType,
                                               Map<String, String> fields) throws Exception {
        MultipartBody body = new MultipartBody();
        fields.forEach(body::field);
        body.file(filename, contentType, content);
        HttpRequest request = HttpRequest.newBuilder(uri("/api/documents"))
                .header("Content-Type", body.contentType())
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
