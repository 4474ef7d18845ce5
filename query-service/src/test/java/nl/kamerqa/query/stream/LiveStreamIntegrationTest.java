package nl.kamerqa.query.stream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.query.QueryApplication;
import nl.kamerqa.query.SharedBroker;
import nl.kamerqa.support.CloudEventsKafkaHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream end to end: parsed events on a real (embedded KRaft) broker's topic, read by the service's own
 * consumer, and served over HTTP as server-sent events to real connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QueryApplication.CONFIG_NAME,
                "kamerqa.stream.keep-alive=500ms", "kamerqa.stream.max-clients=3", "kamerqa.index.directory=target/test-index/${random.uuid}",
                "kamerqa.stream.topic=stream-it.parsed", "kamerqa.index.topic=stream-it.parsed",
                SharedBroker.BOOTSTRAP_SERVERS_PROPERTY})
// closed after the class (its settings are its own, so no other class would reuse it): its stream consumer stops
// polling the shared broker
@DirtiesContext
class LiveStreamIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = MONGO.bindAndGetConnectionString() + "/kamerqa-stream";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Autowired
    StreamProperties properties;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    LiveDocuments live;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producerAndAssignedConsumer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        // the stream reads from the end of the topic: events sent before its consumer has partitions are not seen
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(ParsedDocumentListener.ID),
                SharedBroker.PARTITIONS);
        // streams of the tests before were closed by their clients; the keep-alive writes notice that and free the
        // places (max-clients is 3 here)
        await().atMost(WAIT).untilAsserted(() -> assertThat(live.clients()).isZero());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void parsedDocumentsArriveAsServerSentEventsFilteredByParty() throws Exception {
        try (SseClient vvd = SseClient.open(url("/api/stream?party=VVD"), null)) {
            assertThat(vvd.response().statusCode()).isEqualTo(200);
            assertThat(vvd.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));

            publish("kst-901:a:1", LiveDocumentsTest.document("kst-901", "VVD", "over stikstof"));
            publish("kst-902:a:1", LiveDocumentsTest.document("kst-902", "D66", "over wonen"));
            publish("kst-903:a:1", LiveDocumentsTest.document("kst-903", "VVD", "over zorg"));

            SseClient.Event first = vvd.next(WAIT);
            assertThat(first).isNotNull();
            assertThat(first.name()).isEqualTo("document");
            assertThat(first.id()).isEqualTo("kst-901:a:1");
            JsonNode data = JSON.readTree(first.data());
            assertThat(data.get("documentId").asString()).isEqualTo("kst-901");
            assertThat(data.get("url").asString()).isEqualTo("/api/documents/kst-901");
            assertThat(data.get("parties").get(0).asString()).isEqualTo("VVD");
            assertThat(data.get("questionCount").asInt()).isEqualTo(1);
            assertThat(vvd.next(WAIT).id()).as("kst-902 is D66: filtered out").isEqualTo("kst-903:a:1");
        }
    }

    @Test
    void reconnectingClientGetsWhatItMissedAndARecordThatIsNotJsonStopsNothing() throws Exception {
        String firstId;
        try (SseClient client = SseClient.open(url("/api/stream?q=brandweer"), null)) {
            publish("kst-911:a:1", LiveDocumentsTest.document("kst-911", "SP", "over de brandweer"));
            firstId = client.next(WAIT).id();
        }
        assertThat(firstId).isEqualTo("kst-911:a:1");

        producer.send(new ProducerRecord<>(properties.topic(), "junk", "not json".getBytes(StandardCharsets.UTF_8))).get();
        publish("kst-912:a:1", LiveDocumentsTest.document("kst-912", "SP", "nog eens de brandweer"));
        publish("kst-913:a:1", LiveDocumentsTest.document("kst-913", "SP", "over de politie"));
        publish("kst-914:a:1", LiveDocumentsTest.document("kst-914", "CDA", "brandweerkazernes"));

        try (SseClient back = SseClient.open(url("/api/stream?q=brandweer"), firstId)) {
            assertThat(back.next(WAIT).id()).isEqualTo("kst-912:a:1");
            assertThat(back.next(WAIT).id()).isEqualTo("kst-914:a:1");
        }
        try (SseClient tooLate = SseClient.open(url("/api/stream"), "kst-000:gone:1")) {
            SseClient.Event gap = tooLate.next(WAIT);
            assertThat(gap.name()).isEqualTo("gap");
            assertThat(JSON.readTree(gap.data()).get("lastEventId").asString()).isEqualTo("kst-000:gone:1");
        }
    }

    @Test
    void newClientCanAskForTheNewestKeptDocumentsFirst() throws Exception {
        double before = eventsReceived();
        publish("kst-921:a:1", LiveDocumentsTest.document("kst-921", "PvdD", "dierenwelzijn"));
        publish("kst-922:a:1", LiveDocumentsTest.document("kst-922", "PvdD", "dierenwelzijn in de veehouderij"));
        publish("kst-923:a:1", LiveDocumentsTest.document("kst-923", "PvdD", "dierenwelzijn op zee"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsReceived()).isGreaterThanOrEqualTo(before + 3));

        try (SseClient client = SseClient.open(url("/api/stream?party=PvdD&recent=2"), null)) {
            assertThat(client.next(WAIT).id()).isEqualTo("kst-922:a:1");
            assertThat(client.next(WAIT).id()).isEqualTo("kst-923:a:1");

            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(scrape).contains("kamerqa_query_stream_clients{application=\"query-service\"} 1.0")
                    .contains("kamerqa_query_stream_events_total{application=\"query-service\"}")
                    .contains("kamerqa_query_stream_disconnected_total{application=\"query-service\",reason=\"slow\"}");
        }
    }

    @Test
    void eventsPublishedWhileTheConsumerWasAwayAreReadBackWhenItStartsNearTheEnd() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(ParsedDocumentListener.ID);
        container.stop();
        publish("kst-931:a:1", LiveDocumentsTest.document("kst-931", "JA21", "over asiel"));

        container.start(); // joins again without committed offsets: "latest", then the seek back near the end
        ContainerTestUtils.waitForAssignment(container, SharedBroker.PARTITIONS);

        try (SseClient client = SseClient.open(url("/api/stream?party=JA21&recent=1"), null)) {
            SseClient.Event event = client.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.id()).isEqualTo("kst-931:a:1");
        }
    }

    @Test
    void invalidFilterIsA400AndAFullInstanceA503WithRetryAfter() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(url("/api/stream?party=" + "x".repeat(201)))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("party");

        try (SseClient a = SseClient.open(url("/api/stream"), null);
             SseClient b = SseClient.open(url("/api/stream"), null);
             SseClient c = SseClient.open(url("/api/stream"), null)) {
            assertThat(a.response().statusCode() + b.response().statusCode() + c.response().statusCode()).isEqualTo(600);
            HttpResponse<String> full = http.send(HttpRequest.newBuilder(url("/api/stream"))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.headers().firstValue("Retry-After")).isPresent();
            assertThat(full.body()).contains("already serves 3 live streams");
        }
    }

    private double eventsReceived() {
        return meters.get(LiveDocuments.EVENTS).counter().count();
    }

    private void publish(String ceId, ParsedDocument document) throws Exception {
        // the headers parser-service writes (service-support's CloudEventsKafkaHeaders)
        CloudEvent event = CloudEventsKafkaHeaders.event(ceId, CloudEventHeaders.TYPE_PARSED, "/kamerqa/parser-service",
                document.documentId(), Instant.now().toString());
        producer.send(CloudEventsKafkaHeaders.record(properties.topic(), document.documentId(),
                JSON.writeValueAsBytes(document), event)).get();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
