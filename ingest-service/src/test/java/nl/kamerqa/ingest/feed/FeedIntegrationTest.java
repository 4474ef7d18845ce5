package nl.kamerqa.ingest.feed;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.IntakeResult;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Spring context for all feed tests: the service with a real Kafka broker (embedded, KRaft), a MongoDB-wire
 * server, and a WireMock server replaying the fixtures under {@code src/test/resources/feeds} (the same WireMock
 * root can be served by the standalone jar for a manual run, see the README). All sources are enabled so the
 * admin endpoint and the metrics show them, but the feeds' first scheduled poll is an hour away: the tests poll
 * themselves, with new poller instances where a restart is the point. The folder source is scheduled for real.
 * Backoff is tiny, so retries are asserted through WireMock's request journal, never through timings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=ingest-service",
        "kamerqa.feeds.user-agent=kamerqa-test/1.0 (feeds@example.org)",
        "kamerqa.security.api-key=" + FeedIntegrationTest.API_KEY,
        "kamerqa.feeds.syncfeed.enabled=true", "kamerqa.feeds.syncfeed.initial-delay=1h",
        "kamerqa.feeds.odata.enabled=true", "kamerqa.feeds.odata.initial-delay=1h",
        "kamerqa.feeds.sru.enabled=true", "kamerqa.feeds.sru.initial-delay=1h",
        "kamerqa.feeds.sru.maximum-records=2",
        "kamerqa.feeds.folder.enabled=true", "kamerqa.feeds.folder.initial-delay=0s",
        "kamerqa.feeds.folder.interval=200ms", "kamerqa.feeds.folder.settle=0s",
        "kamerqa.feeds.syncfeed.politeness.pause=0s", "kamerqa.feeds.odata.politeness.pause=0s",
        "kamerqa.feeds.sru.politeness.pause=0s",
        "kamerqa.feeds.syncfeed.politeness.backoff=1ms", "kamerqa.feeds.syncfeed.politeness.max-backoff=20ms",
        "kamerqa.feeds.odata.politeness.backoff=1ms", "kamerqa.feeds.odata.politeness.max-backoff=20ms",
        "kamerqa.feeds.sru.politeness.backoff=1ms", "kamerqa.feeds.sru.politeness.max-backoff=20ms",
        "kamerqa.feeds.folder.politeness.backoff=1ms", "kamerqa.feeds.folder.politeness.max-backoff=50ms",
        "kamerqa.feeds.syncfeed.politeness.max-attempts=3", "kamerqa.feeds.odata.politeness.max-attempts=3",
        "kamerqa.feeds.sru.politeness.max-attempts=3",
        "kamerqa.feeds.syncfeed.politeness.request-timeout=5s", "kamerqa.feeds.odata.politeness.request-timeout=5s",
        "kamerqa.feeds.sru.politeness.request-timeout=5s"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class FeedIntegrationTest {

    protected static final String API_KEY = "feed-test-key";

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    protected static final WireMockServer WIREMOCK = startWireMock();
    protected static final Path INBOX = tempDir();
    // servers are shared by every class using this context and stop with the JVM

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(options().dynamicPort().usingFilesUnderClasspath("feeds"));
        server.start();
        return server;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kamerqa-inbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/kamerqa");
        registry.add("kamerqa.feeds.syncfeed.base-url", () -> WIREMOCK.baseUrl() + "/SyncFeed/2.0/");
        registry.add("kamerqa.feeds.odata.base-url", () -> WIREMOCK.baseUrl() + "/OData/v4/2.0/");
        registry.add("kamerqa.feeds.sru.base-url", () -> WIREMOCK.baseUrl() + "/sru");
        registry.add("kamerqa.feeds.folder.path", INBOX::toString);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected KamerqaProperties properties;
    @Autowired
    protected FeedProperties feeds;
    @Autowired
    protected FeedEnvironment environment;
    @Autowired
    protected MongoClient mongo;

    /** Raw-topic positions before the test, so it sees only what it caused. */
    protected Map<TopicPartition, Long> mark;

    @BeforeEach
    void freshSourcesAndMark() {
        WIREMOCK.resetAll();
        MongoDatabase db = database();
        for (String collection : List.of("checkpoints", "feed_items", "ingested")) {
            db.getCollection(collection).deleteMany(new Document());
        }
        mark = endOffsets();
    }

    protected MongoDatabase database() {
        return mongo.getDatabase("kamerqa");
    }

    protected SourceState state(String source) {
        return environment.states().load(source);
    }

    protected FeedItem item(String source, String key) {
        return environment.items().find(source, key).orElseThrow(() -> new AssertionError("no item " + source + ":" + key));
    }

    /** What the source delivered to the raw topic since the test began, in topic order per partition. */
    protected List<RawDocument> published() {
        List<RawDocument> documents = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : recordsSinceMark()) {
            RawDocument raw = JSON.readValue(record.value(), RawDocument.class);
            assertThat(record.key()).isEqualTo(raw.documentId());
            documents.add(raw);
        }
        return documents;
    }

    protected RawDocument publishedOnce(String documentId) {
        List<RawDocument> matching = published().stream().filter(d -> d.documentId().equals(documentId)).toList();
        assertThat(matching).as("records with documentId %s on the raw topic", documentId).hasSize(1);
        return matching.get(0);
    }

    protected List<String> publishedIds() {
        return published().stream().map(RawDocument::documentId).toList();
    }

    private List<ConsumerRecord<String, byte[]>> recordsSinceMark() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>(mark.keySet());
            consumer.assign(partitions);
            mark.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                for (TopicPartition partition : partitions) {
                    assertThat(consumer.position(partition)).isGreaterThanOrEqualTo(end.get(partition));
                }
            });
            return records;
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(properties.topics().raw()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "verify-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /** A fixture file's bytes as served (binary files are served unchanged). */
    protected static byte[] fixture(String path) {
        try (InputStream in = FeedIntegrationTest.class.getResourceAsStream("/feeds/__files/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String sha256Hex(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String wiremockText(String path) {
        return new String(fixture(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The process dies right after the n-th document reached the intake: nothing after it is recorded. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    protected DocumentSink crashingAfter(int documents) {
        AtomicInteger count = new AtomicInteger();
        DocumentSink real = environment.sink();
        return (IncomingDocument document) -> {
            IntakeResult result = real.accept(document);
            if (count.incrementAndGet() == documents) {
                throw new SimulatedCrash("crash after document " + documents + " (" + result.documentId() + ")");
            }
            return result;
        };
    }
}
