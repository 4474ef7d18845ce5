package nl.kamerqa.parsing.messaging;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parsing.Delivery;
import nl.kamerqa.parsing.ParserMetrics;
import nl.kamerqa.parsing.ParsingApplication;
import nl.kamerqa.parsing.SharedBroker;
import nl.kamerqa.parsing.ParsingService;
import nl.kamerqa.parsing.Samples;
import nl.kamerqa.parsing.config.ParserProperties;
import nl.kamerqa.parsing.store.MongoConsumedPositions;
import nl.kamerqa.parsing.store.DocumentStore;
import com.mongodb.client.model.Updates;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
@DirtiesContext
class RawDocumentListenerIntegrationTest {

    /** The shared broker, with this class's own topics (three raw partitions) and groups. */
    @DynamicPropertySource
    static void sharedBroker(DynamicPropertyRegistry registry) {
        SharedBroker.register(registry, "raw-listener-it", 3);
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Keeps its data when the server shuts down, as a restarted mongod does; MemoryBackend would forget it. */
    private static final MemoryBackend DURABLE_BACKEND = new MemoryBackend() {
        @Override
        public void close() {
        }
    };
    private static MongoServer mongo = new MongoServer(DURABLE_BACKEND);
    private static final InetSocketAddress MONGO_ADDRESS = mongo.bind();
    // a short server selection, so an attempt during the outage test fails after 1 s instead of the driver's 30 s
    private static final String MONGO_URI = "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort()
            + "/kamerqa?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

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
    @MockitoSpyBean
    QaParser qaParser;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @LocalServerPort
    int port;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
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
        // the same header set as ingest-service's raw events (service-support's CloudEventsKafkaHeaders)
        assertThat(header(event, CloudEventHeaders.SUBJECT)).isEqualTo(raw.documentId());
        assertThat(java.time.Instant.parse(header(event, CloudEventHeaders.TIME))).isBefore(java.time.Instant.now());
        assertThat(header(event, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(event.headers().lastHeader("__TypeId__")).as("no Spring type headers").isNull();
        JsonNode value = JSON.readTree(event.value());
        assertThat(value.get("documentId").asString()).isEqualTo(raw.documentId());
        assertThat(value.get("questions").size()).isEqualTo(stored.getInteger("questionCount"));
        assertThat(value.get("provenance").get("offset").asLong())
                .isEqualTo(((Number) provenance.get("offset")).longValue());
        assertThat(outcome("parsed")).isEqualTo(parsedBefore + 1);
    }

    @Test
    void aSubscriberReadsTheParsedEventThroughTheCloudEventsSdkAndItsDataAsAParsedDocument() throws Exception {
        RawDocument raw = Samples.plainText("kst-36200-VII-913", "Vraag 1\nDe leden van de ChristenUnie-fractie ...");
        Instant sentAt = Instant.now();

        send(raw.documentId(), JSON.writeValueAsBytes(raw));

        CloudEvent event = awaitCloudEvent(properties.topics().parsed(), raw.documentId());
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getType()).isEqualTo(CloudEventHeaders.TYPE_PARSED);
        assertThat(event.getSource()).isEqualTo(URI.create(KafkaParsedDocumentPublisher.EVENT_SOURCE));
        assertThat(event.getId()).isEqualTo(raw.documentId() + ":" + raw.contentSha256() + ":" + QaParser.VERSION);
        assertThat(event.getSubject()).isEqualTo(raw.documentId());
        assertThat(event.getTime().toInstant()).isBetween(sentAt, Instant.now());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        ParsedDocument document = JSON.readValue(event.getData().toBytes(), ParsedDocument.class);
        assertThat(document.documentId()).isEqualTo(raw.documentId());
        assertThat(document.provenance().contentSha256()).isEqualTo(raw.contentSha256());
        assertThat(document.questions()).isNotEmpty();
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
        try (TopicReader parsed = new TopicReader(SharedBroker.bootstrapServers(), properties.topics().parsed())) {
            assertThat(parsed.withKey(raw.documentId())).hasSize(1);
        }
    }

    @Test
    void aPollIsStoredInBatchesAndABadRecordInItIsDeadLetteredOnceWhileTheOthersAreStored() throws Exception {
        List<RawDocument> good = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> Samples.plainText("kst-36200-VII-92" + i, "Vraag 1\nDe leden van de JA21-fractie " + i))
                .toList();
        String badKey = "kst-36200-VII-929";
        MessageListenerContainer container = listeners.getListenerContainer(RawDocumentListener.ID);
        double batchesBefore = meters.get(ParserMetrics.STORE_BATCH).summary().count();
        double documentsBefore = meters.get(ParserMetrics.STORE_BATCH).summary().totalAmount();
        container.stop();
        long lastOffset;
        try {
            // one partition, so the whole run is one poll when the container starts again
            for (RawDocument raw : good.subList(0, 3)) {
                sendTo(0, raw.documentId(), JSON.writeValueAsBytes(raw));
            }
            sendTo(0, badKey, "not JSON at all".getBytes(StandardCharsets.UTF_8));
            lastOffset = -1;
            for (RawDocument raw : good.subList(3, 6)) {
                lastOffset = sendTo(0, raw.documentId(), JSON.writeValueAsBytes(raw));
            }
        } finally {
            container.start();
        }

        for (RawDocument raw : good) {
            assertThat(awaitPublished(raw.documentId()).getString("contentSha256")).isEqualTo(raw.contentSha256());
        }
        assertThat(awaitOne(properties.topics().deadLetter(), badKey).value()).asString(StandardCharsets.UTF_8)
                .isEqualTo("not JSON at all");
        double batches = meters.get(ParserMetrics.STORE_BATCH).summary().count() - batchesBefore;
        double documents = meters.get(ParserMetrics.STORE_BATCH).summary().totalAmount() - documentsBefore;
        assertThat(documents).isEqualTo(good.size());
        assertThat(batches).as("store writes for six documents").isLessThan(good.size());
        long expectedNext = lastOffset + 1;
        await().atMost(WAIT).untilAsserted(() -> assertThat(storedNextOffset(0)).isEqualTo(expectedNext));
    }

    @Test
    void recordThatIsNotJsonIsDeadLetteredAndTheNextRecordOnItsPartitionIsParsed() throws Exception {
        String key = "kst-36200-VII-903";
        byte[] poison = "this is not JSON {".getBytes(StandardCharsets.UTF_8);
        RawDocument next = Samples.plainText(key, "Vraag 1\nDe leden van de SP-fractie ...");
        double failedBefore = outcome("failed");
        double deserializationBefore = failures("deserialization");
        double deadLettersBefore = counter(ParserMetrics.DEAD_LETTERS);

        send(key, poison);
        send(key, JSON.writeValueAsBytes(next)); // same key, same partition: only parsed once the poison is past

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), key);
        assertThat(dead.value()).as("the original bytes").isEqualTo(poison);
        assertThat(header(dead, "kafka_dlt-exception-fqcn") + " " + header(dead, "kafka_dlt-exception-cause-fqcn"))
                .contains("DeserializationException");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(properties.topics().raw());
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(header(dead, DeadLetterReasons.HEADER)).startsWith("not a RawDocument JSON value: ");
        assertThat(awaitPublished(key).getString("contentSha256")).isEqualTo(next.contentSha256());
        assertThat(outcome("failed")).isEqualTo(failedBefore + 1);
        assertThat(failures("deserialization")).isEqualTo(deserializationBefore + 1);
        assertThat(counter(ParserMetrics.DEAD_LETTERS)).isEqualTo(deadLettersBefore + 1);
    }

    @Test
    void plainTextThatIsNotUtf8IsDeadLetteredWithTheReasonAndTheNextRecordIsParsed() throws Exception {
        String key = "kst-36200-VII-904";
        RawDocument binary = Samples.raw(key, "text/plain", new byte[]{'V', 'r', (byte) 0xC3, '(', (byte) 0xFF, 0});
        RawDocument next = Samples.plainText(key, "Vraag 1\nDe leden van de GL-fractie ...");
        double unsupportedBefore = failures("unsupported_format");

        byte[] sent = JSON.writeValueAsBytes(binary);
        send(key, sent);
        send(key, JSON.writeValueAsBytes(next));

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), key);
        assertThat(dead.value()).as("the original bytes, not a re-serialised copy").isEqualTo(sent);
        assertThat(header(dead, "kafka_dlt-exception-fqcn") + " " + header(dead, "kafka_dlt-exception-cause-fqcn"))
                .contains("UnsupportedDocumentException");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("not valid UTF-8");
        assertThat(header(dead, DeadLetterReasons.HEADER))
                .startsWith("unsupported document: content declared text/plain is not valid UTF-8");
        assertThat(awaitPublished(key).getString("contentSha256")).isEqualTo(next.contentSha256());
        assertThat(deliveriesOf(binary)).as("not retried").isEqualTo(1);
        assertThat(failures("unsupported_format")).isEqualTo(unsupportedBefore + 1);
    }

    @Test
    void documentThatRunsTheParserOutOfMemoryIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        String key = "kst-36200-VII-907";
        byte[] bomb = "%PDF-1.7 inflates to more than the heap".getBytes(StandardCharsets.US_ASCII);
        RawDocument heavy = Samples.raw(key, "application/pdf", bomb);
        RawDocument next = Samples.plainText(key, "Vraag 1\nDe leden van de BBB-fractie ...");
        doThrow(new OutOfMemoryError("Java heap space")).when(qaParser).parse(bomb);
        double parserErrorsBefore = failures("parser_error");

        send(key, JSON.writeValueAsBytes(heavy));
        send(key, JSON.writeValueAsBytes(next)); // same partition: parsed only if the container survived the Error

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), key);
        assertThat(header(dead, DeadLetterReasons.HEADER)).startsWith("parser error: ")
                .contains("ran out of memory on this document");
        assertThat(awaitPublished(key).getString("contentSha256")).isEqualTo(next.contentSha256());
        assertThat(deliveriesOf(heavy)).as("not retried").isEqualTo(1);
        assertThat(failures("parser_error")).isEqualTo(parserErrorsBefore + 1);
        assertThat(health("/actuator/health/liveness", 200).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void rawEventWhoseContentDoesNotMatchItsHashIsDeadLettered() throws Exception {
        RawDocument good = Samples.plainText("kst-36200-VII-905", "Vraag 1 ...");
        RawDocument tampered = new RawDocument(good.schemaVersion(), good.documentId(), good.contentSha256(),
                good.contentType(), good.source(), null, null, good.receivedAt(), good.metadata(),
                "Vraag 2 ...".getBytes(StandardCharsets.UTF_8));
        double invalidBefore = failures("invalid_event");

        send(tampered.documentId(), JSON.writeValueAsBytes(tampered));

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), tampered.documentId());
        assertThat(header(dead, DeadLetterReasons.HEADER))
                .startsWith("invalid raw event: content does not match contentSha256");
        assertThat(database.getCollection("documents").countDocuments(eq("_id", tampered.documentId())))
                .isZero();
        assertThat(deliveriesOf(tampered)).as("not retried").isEqualTo(1);
        assertThat(failures("invalid_event")).isEqualTo(invalidBefore + 1);
    }

    @Test
    void transientMongoFailureIsRetriedAndTheDocumentIsStoredNotDeadLettered() throws Exception {
        RawDocument raw = Samples.plainText("kst-36200-VII-906", "Vraag 1\nDe leden van de CDA-fractie ...");
        doThrow(new MongoTimeoutException("simulated: no primary for 30000 ms"))
                .doCallRealMethod()
                .when(store).saveAll(argThat(results -> results != null && results.stream()
                        .anyMatch(r -> raw.documentId().equals(r.documentId()))));

        send(raw.documentId(), JSON.writeValueAsBytes(raw));

        awaitPublished(raw.documentId());
        assertThat(deliveriesOf(raw)).isEqualTo(2);
        try (TopicReader deadLetters = new TopicReader(SharedBroker.bootstrapServers(), properties.topics().deadLetter())) {
            assertThat(deadLetters.withKey(raw.documentId())).isEmpty();
        }
    }

    @Test
    void mongoOutageLongerThanTheBoundedRetriesIsWaitedOutAndEveryDocumentIsStoredNoneDeadLettered() throws Exception {
        List<RawDocument> documents = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> Samples.plainText("kst-36200-VII-95" + i, "Vraag 1\nDe leden van de PVV-fractie " + i))
                .toList();
        double parsedBefore = outcome("parsed");
        double failedBefore = outcome("failed");
        double deadLettersBefore = counter(ParserMetrics.DEAD_LETTERS);
        double outageFailuresBefore = deliveryFailures("infrastructure");
        int boundedAttempts = properties.retry().maxAttempts() + 1;

        mongo.shutdownNow();
        try {
            for (RawDocument raw : documents) {
                send(raw.documentId(), JSON.writeValueAsBytes(raw));
            }
            // more failed deliveries of the first record than the bounded retries would have allowed
            await().atMost(WAIT).untilAsserted(() -> assertThat(deliveryFailures("infrastructure"))
                    .isGreaterThanOrEqualTo(outageFailuresBefore + boundedAttempts + 1));
            assertThat(health("/actuator/health/readiness", 503).get("components").get("mongo").get("status").asString())
                    .isEqualTo("DOWN");
            assertThat(health("/actuator/health/liveness", 200).get("status").asString()).isEqualTo("UP");
        } finally {
            mongo = new MongoServer(DURABLE_BACKEND);
            mongo.bind(MONGO_ADDRESS.getHostString(), MONGO_ADDRESS.getPort());
        }

        for (RawDocument raw : documents) {
            assertThat(awaitPublished(raw.documentId()).getString("contentSha256")).isEqualTo(raw.contentSha256());
        }
        try (TopicReader deadLetters = new TopicReader(SharedBroker.bootstrapServers(), properties.topics().deadLetter())) {
            assertThat(deadLetters.readToEnd()).extracting(ConsumerRecord::key)
                    .doesNotContainAnyElementsOf(documents.stream().map(RawDocument::documentId).toList());
        }
        assertThat(outcome("parsed")).isEqualTo(parsedBefore + documents.size());
        assertThat(outcome("failed")).isEqualTo(failedBefore);
        assertThat(counter(ParserMetrics.DEAD_LETTERS)).isEqualTo(deadLettersBefore);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(health("/actuator/health/readiness", 200).get("status").asString()).isEqualTo("UP"));
    }

    @Test
    void readinessNeedsMongoAndKafkaAndLivenessNeedsARunningListenerButNeither() throws Exception {
        JsonNode readiness = health("/actuator/health/readiness", 200);
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(fieldNames(readiness.get("components"))).containsExactlyInAnyOrder("readinessState", "mongo", "kafka");
        assertThat(readiness.get("components").get("kafka").get("status").asString()).isEqualTo("UP");

        JsonNode liveness = health("/actuator/health/liveness", 200);
        assertThat(fieldNames(liveness.get("components"))).containsExactlyInAnyOrder("livenessState", "kafkaListeners");
        assertThat(liveness.get("components").get("kafkaListeners").get("details").get(RawDocumentListener.ID)
                .asString()).isEqualTo("running");
    }

    @Test
    void healthShowsMongoUpAndPrometheusShowsTheParserMeters() throws Exception {
        JsonNode status = health("/actuator/health", 200);
        assertThat(status.get("status").asString()).isEqualTo("UP");
        assertThat(status.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(status.get("components").get("kafka").get("status").asString()).isEqualTo("UP");

        String scrape = HTTP.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape)
                .contains("kamerqa_parser_documents_total{application=\"parser-service\",outcome=\"parsed\"}")
                .contains("kamerqa_parser_documents_total{application=\"parser-service\",outcome=\"skipped\"}")
                .contains("kamerqa_parser_documents_total{application=\"parser-service\",outcome=\"failed\"}")
                .contains("kamerqa_parser_parse_seconds_bucket{")
                .contains("kamerqa_parser_questions_bucket{")
                .contains("kamerqa_parser_store_seconds_bucket{")
                .contains("kamerqa_parser_dead_letters_total{application=\"parser-service\"}")
                .contains("kamerqa_parser_redriven_total{application=\"parser-service\"}");
        for (String reason : List.of("unsupported_format", "invalid_event", "deserialization", "parser_error", "other")) {
            assertThat(scrape).contains("kamerqa_parser_failures_total{application=\"parser-service\",reason=\"" + reason + "\"}");
        }
        for (String kind : List.of("infrastructure", "permanent", "other")) {
            assertThat(scrape).contains(
                    "kamerqa_parser_delivery_failures_total{application=\"parser-service\",kind=\"" + kind + "\"}");
        }
        // consumer lag per partition of the raw topic, from Boot's Micrometer listener on the consumer factory
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                HTTP.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString()).body())
                .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*application=\"parser-service\"[^}]*"
                        + "partition=\"[0-2]\"[^}]*topic=\"" + Pattern.quote(properties.topics().raw()) + "\""));
    }

    @Test
    void storeThatLostItsLastWritesGetsThemBackFromTheRawTopicWhenTheConsumerRestarts() throws Exception {
        RawDocument raw = Samples.plainText("kst-36200-VII-911", "Vraag 1\nDe leden van de GroenLinks-PvdA-fractie ...");
        send(raw.documentId(), JSON.writeValueAsBytes(raw));
        Document stored = awaitPublished(raw.documentId());
        Document provenance = stored.get("provenance", Document.class);
        int partition = provenance.getInteger("partition");
        long offset = ((Number) provenance.get("offset")).longValue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(storedNextOffset(partition)).isEqualTo(offset + 1));

        // what a hard kill of a store that had not yet made its last writes durable leaves behind: the document and
        // the store's record of having consumed it are both gone, while Kafka's committed offset is already past it
        database.getCollection("questions").deleteMany(eq("documentId", raw.documentId()));
        database.getCollection("documents").deleteOne(eq("_id", raw.documentId()));
        database.getCollection(MongoConsumedPositions.COLLECTION).updateOne(eq("partition", partition),
                Updates.set("nextOffset", offset));
        MessageListenerContainer container = listeners.getListenerContainer(RawDocumentListener.ID);
        container.stop();
        container.start();

        Document again = awaitPublished(raw.documentId());
        assertThat(again.getString("contentSha256")).isEqualTo(raw.contentSha256());
        // the position is recorded after the document is marked published, as in the first half of this test
        await().atMost(WAIT).untilAsserted(() -> assertThat(storedNextOffset(partition)).isEqualTo(offset + 1));
    }

    @Test
    void deadLetteredRecordCountsAsConsumedInTheStore() throws Exception {
        String key = "kst-36200-VII-912";
        send(key, "not JSON either".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), key);
        int partition = ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt();
        long offset = ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong();
        await().atMost(WAIT).untilAsserted(() -> assertThat(storedNextOffset(partition)).isEqualTo(offset + 1));
    }

    /** The offset the store says the parser's group resumes at in that raw-topic partition, or null. */
    private Long storedNextOffset(int partition) {
        Document entry = database.getCollection(MongoConsumedPositions.COLLECTION)
                .find(and(eq("topic", properties.topics().raw()), eq("partition", partition))).first();
        return entry == null ? null : ((Number) entry.get("nextOffset")).longValue();
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(properties.topics().raw(), key, value)).get();
    }

    /** Returns the record's offset. */
    private long sendTo(int partition, String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(properties.topics().raw(), partition, key, value)).get().offset();
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
        try (TopicReader reader = new TopicReader(SharedBroker.bootstrapServers(), topic)) {
            AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
            await().atMost(WAIT).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> records = reader.withKey(key);
                assertThat(records).hasSize(1);
                found.set(records.get(0));
            });
            return found.get();
        }
    }

    /** The event with this key, read as a subscriber would: its own group, the SDK's deserializer for the value. */
    private CloudEvent awaitCloudEvent(String topic, String key) {
        Map<String, Object> config = KafkaTestUtils.consumerProps(SharedBroker.bootstrapServers(),
                "subscriber-" + UUID.randomUUID(), false);
        try (KafkaConsumer<String, CloudEvent> subscriber =
                     new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            subscriber.subscribe(List.of(topic));
            return await().atMost(WAIT).until(() -> StreamSupport.stream(subscriber.poll(POLL).spliterator(), false)
                    .filter(r -> key.equals(r.key())).map(ConsumerRecord::value).findFirst(), Optional::isPresent)
                    .orElseThrow();
        }
    }

    /** How often the listener handed this raw event (by content) to the parsing service. */
    @SuppressWarnings("unchecked")
    private int deliveriesOf(RawDocument raw) {
        return (int) mockingDetails(parsing).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("processAll"))
                .map(i -> (List<Delivery>) i.getArgument(0))
                .filter(batch -> batch.stream().map(Delivery::raw)
                        .anyMatch(r -> r != null && raw.contentSha256().equals(r.contentSha256())))
                .count();
    }

    private double outcome(String outcome) {
        return meters.get(ParserMetrics.DOCUMENTS).tag("outcome", outcome).counter().count();
    }

    private double failures(String reason) {
        return meters.get(ParserMetrics.FAILURES).tag("reason", reason).counter().count();
    }

    private double deliveryFailures(String kind) {
        return meters.get(ParserMetrics.DELIVERY_FAILURES).tag("kind", kind).counter().count();
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private JsonNode health(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(get(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }
}
