package nl.kamerqa.parsing.messaging;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parsing.ParserMetrics;
import nl.kamerqa.parsing.ParsingApplication;
import nl.kamerqa.parsing.ParsingService;
import nl.kamerqa.parsing.Samples;
import nl.kamerqa.parsing.config.ParserProperties;
import nl.kamerqa.parsing.store.DocumentStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mockingDetails;

/**
 * The listener end to end on a real (embedded KRaft) broker and the in-memory MongoDB-wire server: raw event in,
 * document in MongoDB and parsed event out; what cannot be parsed goes to the dead-letter topic with its reason and
 * the consumer goes on. The real qa-parser runs here, so only the document record and the event are asserted
 * (question storage is covered by DocumentStoreTest). The spies only count deliveries and inject one transient
 * failure; everything else runs for real.
 */
@SpringBootTest(classes = ParsingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ParsingApplication.CONFIG_NAME)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 3, topics = "${kamerqa.topics.raw}", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class RawDocumentListenerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = MONGO.bindAndGetConnectionString() + "/kamerqa";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ParserProperties properties;
    @Autowired
    MongoDatabase database;
    @Autowired
    MeterRegistry meters;
    @MockitoSpyBean
    ParsingService parsing;
    @MockitoSpyBean
    DocumentStore store;
    @LocalServerPort
    int port;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void rawDocumentIsStoredAndPublishedAsAParsedEventWithCloudEventsHeaders() throws Exception {
        RawDocument raw = Samples.plainText("kst-36200-VII-901", "Vraag 1\nDe leden van de VVD-fractie vragen ...");
        double parsedBefore = outcome("parsed");

        send(raw.documentId(), JSON.writeValueAsBytes(raw));

        Document stored = awaitPublished(raw.documentId());
        assertThat(stored.getString("contentSha256")).isEqualTo(raw.contentSha256());
        assertThat(stored.getString("parserVersion")).isEqualTo(QaParser.VERSION);
        assertThat(stored.get("updatedAt")).isInstanceOf(Date.class);
        assertThat(stored).doesNotContainKey("questions");
        Document provenance = stored.get("provenance", Document.class);
        assertThat(provenance.getString("topic")).isEqualTo(properties.topics().raw());
        assertThat(provenance.getString("contentSha256")).isEqualTo(raw.contentSha256());
        assertThat(provenance.getString("source")).isEqualTo("upload");

        ConsumerRecord<String, byte[]> event = awaitOne(properties.topics().parsed(), raw.documentId());
        assertThat(header(event, CloudEventHeaders.ID))
                .isEqualTo(raw.documentId() + ":" + raw.contentSha256() + ":" + QaParser.VERSION);
        assertThat(header(event, CloudEventHeaders.TYPE)).isEqualTo(CloudEventHeaders.TYPE_PARSED);
        assertThat(header(event, CloudEventHeaders.SOURCE)).isEqualTo("/kamerqa/parser-service");
        assertThat(header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(event.headers().lastHeader("__TypeId__")).as("no Spring type headers").isNull();
        JsonNode value = JSON.readTree(event.value());
        assertThat(value.get("documentId").asString()).isEqualTo(raw.documentId());
        assertThat(value.get("questions").size()).isEqualTo(stored.getInteger("questionCount"));
        assertThat(value.get("provenance").get("offset").asLong())
                .isEqualTo(((Number) provenance.get("offset")).longValue());
        assertThat(outcome("parsed")).isEqualTo(parsedBefore + 1);
    }

    @Test
    void redeliveredRawEventIsSkippedAndDuplicatesNothing() throws Exception {
        RawDocument raw = Samples.plainText("kst-36200-VII-902", "Vraag 1\nDe leden van de D66-fractie ...");
        byte[] value = JSON.writeValueAsBytes(raw);
        send(raw.documentId(), value);
        Date firstUpdate = awaitPublished(raw.documentId()).getDate("updatedAt");
        double skippedBefore = outcome("skipped");

        send(raw.documentId(), value);

        await().atMost(WAIT).untilAsserted(() -> assertThat(outcome("skipped")).isEqualTo(skippedBefore + 1));
        assertThat(database.getCollection("documents").countDocuments(eq("_id", raw.documentId()))).isEqualTo(1);
        assertThat(database.getCollection("documents").find(eq("_id", raw.documentId())).first()
                .getDate("updatedAt")).isEqualTo(firstUpdate);
        try (TopicReader parsed = new TopicReader(broker.getBrokersAsString(), properties.topics().parsed())) {
            assertThat(parsed.withKey(raw.documentId())).hasSize(1);
        }
    }

    @Test
    void recordThatIsNotJsonIsDeadLetteredAndTheNextRecordOnItsPartitionIsParsed() throws Exception {
        String key = "kst-36200-VII-903";
        byte[] poison = "this is not JSON {".getBytes(StandardCharsets.UTF_8);
        RawDocument next = Samples.plainText(key, "Vraag 1\nDe leden van de SP-fractie ...");
        double failedBefore = outcome("failed");

        send(key, poison);
        send(key, JSON.writeValueAsBytes(next)); // same key, same partition: only parsed once the poison is past

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), key);
        assertThat(dead.value()).as("the original bytes").isEqualTo(poison);
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(properties.topics().raw());
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(header(dead, DeadLetterReasons.HEADER)).startsWith("not a RawDocument JSON value: ");
        assertThat(awaitPublished(key).getString("contentSha256")).isEqualTo(next.contentSha256());
        assertThat(outcome("failed")).isEqualTo(failedBefore + 1);
    }

    @Test
    void plainTextThatIsNotUtf8IsDeadLetteredWithTheReasonAndTheNextRecordIsParsed() throws Exception {
        String key = "kst-36200-VII-904";
        RawDocument binary = Samples.raw(key, "text/plain", new byte[]{'V', 'r', (byte) 0xC3, '(', (byte) 0xFF, 0});
        RawDocument next = Samples.plainText(key, "Vraag 1\nDe leden van de GL-fractie ...");

        send(key, JSON.writeValueAsBytes(binary));
        send(key, JSON.writeValueAsBytes(next));

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), key);
        assertThat(JSON.readValue(dead.value(), RawDocument.class).contentSha256()).isEqualTo(binary.contentSha256());
        assertThat(header(dead, "kafka_dlt-exception-fqcn") + " " + header(dead, "kafka_dlt-exception-cause-fqcn"))
                .contains("UnsupportedDocumentException");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("not valid UTF-8");
        assertThat(header(dead, DeadLetterReasons.HEADER))
                .startsWith("unsupported document: content declared text/plain is not valid UTF-8");
        assertThat(awaitPublished(key).getString("contentSha256")).isEqualTo(next.contentSha256());
        assertThat(deliveriesOf(binary)).as("not retried").isEqualTo(1);
    }

    @Test
    void rawEventWhoseContentDoesNotMatchItsHashIsDeadLettered() throws Exception {
        RawDocument good = Samples.plainText("kst-36200-VII-905", "Vraag 1 ...");
        RawDocument tampered = new RawDocument(good.schemaVersion(), good.documentId(), good.contentSha256(),
                good.contentType(), good.source(), null, null, good.receivedAt(), good.metadata(),
                "Vraag 2 ...".getBytes(StandardCharsets.UTF_8));

        send(tampered.documentId(), JSON.writeValueAsBytes(tampered));

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), tampered.documentId());
        assertThat(header(dead, DeadLetterReasons.HEADER))
                .startsWith("invalid raw event: content does not match contentSha256");
        assertThat(database.getCollection("documents").countDocuments(eq("_id", tampered.documentId())))
                .isZero();
        assertThat(deliveriesOf(tampered)).as("not retried").isEqualTo(1);
    }

    @Test
    void transientMongoFailureIsRetriedAndTheDocumentIsStoredNotDeadLettered() throws Exception {
        RawDocument raw = Samples.plainText("kst-36200-VII-906", "Vraag 1\nDe leden van de CDA-fractie ...");
        doThrow(new MongoTimeoutException("simulated: no primary for 30000 ms"))
                .doCallRealMethod()
                .when(store).save(argThat(d -> d != null && raw.documentId().equals(d.documentId())),
                        anyString(), anyString());

        send(raw.documentId(), JSON.writeValueAsBytes(raw));

        awaitPublished(raw.documentId());
        assertThat(deliveriesOf(raw)).isEqualTo(2);
        try (TopicReader deadLetters = new TopicReader(broker.getBrokersAsString(), properties.topics().deadLetter())) {
            assertThat(deadLetters.withKey(raw.documentId())).isEmpty();
        }
    }

    @Test
    void healthShowsMongoUpAndPrometheusShowsTheParserMeters() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(get("/actuator/health"), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(health.body());
        assertThat(status.get("status").asString()).isEqualTo("UP");
        assertThat(status.get("components").get("mongo").get("status").asString()).isEqualTo("UP");

        HttpResponse<String> scrape = http.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("kamerqa_parser_documents_total{application=\"parser-service\",outcome=\"parsed\"}")
                .contains("kamerqa_parser_documents_total{application=\"parser-service\",outcome=\"skipped\"}")
                .contains("kamerqa_parser_documents_total{application=\"parser-service\",outcome=\"failed\"}")
                .contains("kamerqa_parser_parse_seconds_bucket{")
                .contains("kamerqa_parser_questions_bucket{");
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(properties.topics().raw(), key, value)).get();
    }

    private Document awaitPublished(String documentId) {
        AtomicReference<Document> stored = new AtomicReference<>();
        await().atMost(WAIT).untilAsserted(() -> {
            Document document = database.getCollection("documents").find(eq("_id", documentId)).first();
            assertThat(document).isNotNull().containsKey("publishedAt");
            stored.set(document);
        });
        return stored.get();
    }

    private ConsumerRecord<String, byte[]> awaitOne(String topic, String key) {
        try (TopicReader reader = new TopicReader(broker.getBrokersAsString(), topic)) {
            AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
            await().atMost(WAIT).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> records = reader.withKey(key);
                assertThat(records).hasSize(1);
                found.set(records.get(0));
            });
            return found.get();
        }
    }

    /** How often the listener handed this raw event (by content) to the parsing service. */
    private int deliveriesOf(RawDocument raw) {
        return (int) mockingDetails(parsing).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("process"))
                .map(i -> (RawDocument) i.getArgument(0))
                .filter(r -> r != null && raw.contentSha256().equals(r.contentSha256()))
                .count();
    }

    private double outcome(String outcome) {
        return meters.get(ParserMetrics.DOCUMENTS).tag("outcome", outcome).counter().count();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }
}
