package nl.kamerqa.ingest;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.config.KamerqaProperties;
import nl.kamerqa.ingest.feed.Counts;
import nl.kamerqa.ingest.feed.FeedEnvironment;
import nl.kamerqa.ingest.feed.PollResult;
import nl.kamerqa.ingest.feed.SourceState;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPoller;
import nl.kamerqa.ingest.messaging.KafkaConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service while Kafka or MongoDB is away, with real servers: the service starts while nothing listens at its
 * Kafka address; later a broker (embedded, KRaft) appears there (the embedded broker takes a port of its own, so a
 * forwarder opened on the service's address brings the clients to it; they then talk to the broker directly).
 * MongoDB-wire server and a WireMock SyncFeed as in the feed tests. The feed's scheduled poll is an hour away: the
 * test polls itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=ingest-service",
        "kamerqa.security.api-key=" + OutageTest.KEY,
        "kamerqa.feeds.syncfeed.enabled=true", "kamerqa.feeds.syncfeed.initial-delay=1h",
        "kamerqa.feeds.syncfeed.politeness.pause=0s",
        "kamerqa.feeds.syncfeed.politeness.backoff=1ms", "kamerqa.feeds.syncfeed.politeness.max-backoff=20ms",
        // a request that gets no answer is tried again after 5 s, not after the production minute that equals the
        // test's whole wait (seen once: the poll after the broker came back waited a minute without a log line)
        "kamerqa.feeds.syncfeed.politeness.request-timeout=5s",
        // short waits, so the broker's absence is noticed in a second or three, not in the production minutes
        "kamerqa.health.timeout=1s", "kamerqa.ingest.store-timeout=1s", "kamerqa.ingest.publish-timeout=10s",
        "spring.kafka.producer.properties.max.block.ms=1500", "spring.kafka.admin.operation-timeout=5s",
        "kamerqa.kafka.topic-retry=1s"})
class OutageTest {

    static final String KEY = "outage-test-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int KAFKA_PORT = freePort();
    private static final int MONGO_PORT = freePort();
    private static volatile MongoServer mongo = startMongo();
    private static final WireMockServer WIREMOCK = startWireMock();
    private static volatile EmbeddedKafkaKraftBroker broker;
    private static volatile TcpForwarder forwarder;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT + "/kamerqa");
        registry.add("kamerqa.feeds.syncfeed.base-url", () -> WIREMOCK.baseUrl() + "/SyncFeed/2.0/");
    }

    @AfterAll
    static void stopServers() {
        if (forwarder != null) {
            forwarder.close();
        }
        if (broker != null) {
            broker.destroy();
        }
        mongo.shutdownNow();
        WIREMOCK.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    KamerqaProperties properties;
    @Autowired
    FeedProperties feeds;
    @Autowired
    FeedEnvironment environment;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whileTheBrokerIsUnreachableUploadsGet503FeedsKeepTheirCheckpointAndReadinessIsDown() throws Exception {
        // not ready without a broker, but alive: a restart would not bring the broker back
        JsonNode readiness = health("/actuator/health/readiness", 503);
        assertThat(readiness.at("/components/kafka/status").asString()).isEqualTo("DOWN");
        assertThat(health("/actuator/health/liveness", 200).get("status").asString()).isEqualTo("UP");

        byte[] uploaded = Samples.uniqueKamervragenText();
        HttpResponse<String> upload = upload(uploaded);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(503);
        assertThat(upload.headers().firstValue("Retry-After")).hasValue("30");

        SyncFeedPoller poller = new SyncFeedPoller(feeds.syncfeed(), environment);
        double failedBefore = documents("syncfeed", "failed");
        PollResult failed = poller.poll();

        assertThat(failed.status()).isEqualTo(PollResult.Status.FAILURE);
        assertThat(failed.error()).contains("could not publish");
        SourceState stopped = environment.states().load(SyncFeedPoller.NAME);
        assertThat(stopped.checkpoint()).as("the first document could not be published: nothing is passed").isEmpty();
        assertThat(stopped.counts().published()).isZero();
        assertThat(stopped.counts().failed()).as("a broker outage is not the item's failure").isZero();
        assertThat(environment.items().find(SyncFeedPoller.NAME, "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e01"))
                .as("the item is not marked as handled").isEmpty();
        assertThat(documents("syncfeed", "failed")).isEqualTo(failedBefore + 1);

        startBroker();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(health("/actuator/health/readiness", 200).get("status").asString()).isEqualTo("UP"));
        // declared late, still with the partitions and the record size a 50 MB document needs
        long maxRecord = KafkaConfig.maxRecordBytes(properties.ingest().maxDocumentSize().toBytes());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            TopicDescription raw = broker.doWithAdminFunction(admin -> get(admin.describeTopics(
                    List.of(properties.topics().raw())).allTopicNames()).get(properties.topics().raw()));
            assertThat(raw.partitions()).hasSize(properties.topics().partitions());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, properties.topics().raw());
            Config config = broker.doWithAdminFunction(admin -> get(admin.describeConfigs(List.of(resource)).all())
                    .get(resource));
            assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).isEqualTo(Long.toString(maxRecord));
        });

        // the scheduler would retry with backoff; here the test polls until the producer has found the broker
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.poll().succeeded());

        SourceState resumed = environment.states().load(SyncFeedPoller.NAME);
        assertThat(resumed.checkpoint()).isEqualTo(Map.of("skiptoken", "27845310"));
        // the first document was fetched twice: in the failed poll and again; published once (the re-emitted
        // document is fetched and recognised as a duplicate)
        assertThat(resumed.counts()).isEqualTo(new Counts(6, 4, 1, 1, 1));
        // the upload refused during the outage was not recorded, so sent again it is published, not a duplicate
        HttpResponse<String> retried = upload(uploaded);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);

        List<String> published = publishedIds();
        assertThat(published).doesNotHaveDuplicates().hasSize(4 + 1).contains("ah-tk-20262027-412",
                "kst-36600-VII-58", "ah-tk-20262027-441", JSON.readTree(retried.body()).get("documentId").asString());
    }

    @Test
    void readinessIsDownWhileMongoIsUnreachableAndLivenessStaysUp() throws Exception {
        mongo.shutdownNow();
        try {
            JsonNode readiness = health("/actuator/health/readiness", 503);
            assertThat(readiness.at("/components/mongo/status").asString()).isEqualTo("DOWN");
            assertThat(health("/actuator/health/liveness", 200).get("status").asString()).isEqualTo("UP");
        } finally {
            mongo = startMongo();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                health("/actuator/health").at("/components/mongo/status").asString()).isEqualTo("UP"));
    }

    // --- helpers

    private double documents(String source, String outcome) {
        return meters.get(IngestMetrics.DOCUMENTS).tag("source", source).tag("outcome", outcome).tag("reason", "none")
                .counter().count();
    }

    private JsonNode health(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private JsonNode health(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> upload(byte[] content) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/documents")).header("Content-Type", "text/plain")
                .header("X-API-Key", KEY).POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void startBroker() {
        // no topics: the service declares them once it reaches the broker
        EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
        started.afterPropertiesSet();
        broker = started;
        String[] address = started.getBrokersAsString().split(",")[0].split(":");
        forwarder = new TcpForwarder(KAFKA_PORT, address[0], Integer.parseInt(address[1]));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("admin call failed: " + e, e);
        }
    }

    private List<String> publishedIds() {
        return RawTopic.records(broker.getBrokersAsString(), properties.topics().raw()).stream()
                .map(r -> JSON.readValue(r.value(), RawDocument.class).documentId()).toList();
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", MONGO_PORT));
        return server;
    }

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(options().dynamicPort().usingFilesUnderClasspath("feeds"));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
