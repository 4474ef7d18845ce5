package nl.kamerqa.parsing.messaging;

import com.mongodb.client.MongoDatabase;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parsing.ParsingApplication;
import nl.kamerqa.parsing.SharedBroker;
import nl.kamerqa.parsing.Samples;
import nl.kamerqa.parsing.config.ParserProperties;
import nl.kamerqa.support.kafka.TopicDeclaration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static nl.kamerqa.parsing.messaging.RawTopicTestSupport.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead letter larger than the dead-letter topic accepts (here the topic's limit is cut to 64 KB, as a topic created
 * elsewhere might have it) must neither block its partition nor be lost: the entry is written without its value and with
 * a pointer to the raw record, the next record is parsed, and a re-drive puts the original bytes back on the raw
 * topic. Before this, such a record was redelivered forever (RELIABILITY.md, bug 1).
 */
@SpringBootTest(classes = ParsingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ParsingApplication.CONFIG_NAME,
                "kamerqa.security.api-key=" + OversizedDeadLetterIntegrationTest.API_KEY,
                // the declaration's second pass (30 s after the first) would give the dead-letter topic back the
                // limit this test cuts, whenever the test happens to run that late
                "kamerqa.kafka.topic-retry=1h"})
@ActiveProfiles("test")
@DirtiesContext
class OversizedDeadLetterIntegrationTest extends InMemoryMongoTest {

    /** The shared broker, with this class's own topics (one raw partition) and groups. */
    @DynamicPropertySource
    static void sharedBroker(DynamicPropertyRegistry registry) {
        SharedBroker.register(registry, "oversized-it", 1);
    }

    static final String API_KEY = "oversized-test-key";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ParserProperties properties;
    @Autowired
    MongoDatabase database;
    @Autowired
    ProducerFactory<?, ?> producers;
    @Autowired
    ObjectProvider<TopicDeclaration> declarations;
    @LocalServerPort
    int port;

    @Test
    void serviceSupportsTopicDeclarationRunsForTheTopicsThisServiceDeclares() {
        // service-support's TopicDeclaration (tested there against a real broker): a parsed topic the broker
        // auto-created on a send while the service started without it still becomes compacted
        assertThat(declarations.orderedStream().toList()).singleElement()
                .satisfies(declaration -> assertThat(declaration.isRunning()).isTrue());
    }

    @Test
    void producerTakesRecordsAsLargeAsTheTopicsItDeclares() {
        assertThat(producers.getConfigurationProperties())
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) properties.topics().maxMessageBytes())
                .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 2 * properties.topics().maxMessageBytes());
    }

    @Test
    void deadLetterTooLargeForItsTopicIsKeptAsAPointerAndRedrivenWithTheOriginalBytes() throws Exception {
        byte[] notUtf8 = new byte[200_000];
        Arrays.fill(notUtf8, (byte) 0xFF);
        RawDocument large = Samples.raw("kst-36200-VII-971", "text/plain", notUtf8);
        RawDocument next = Samples.plainText("kst-36200-VII-972", "Vraag 1\nDe leden van de CU-fractie ...");
        byte[] largeBytes = JSON.writeValueAsBytes(large);
        shrinkDeadLetterTopic(65536);

        send(large.documentId(), largeBytes);
        send(next.documentId(), JSON.writeValueAsBytes(next)); // one partition: only parsed once the first is past

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                database.getCollection("documents").find(eq("_id", next.documentId())).first())
                .isNotNull().containsKey("publishedAt"));
        ConsumerRecord<String, byte[]> entry = deadLetters(large.documentId()).get(0);
        assertThat(entry.value()).isEmpty();
        assertThat(header(entry, OversizedDeadLetters.HEADER))
                .contains("omitted").contains(properties.topics().raw() + "-0@0");
        assertThat(header(entry, DeadLetterReasons.HEADER)).startsWith("unsupported document: ");

        JsonNode listed = admin("GET", "/api/admin/dead-letters").get("items").get(0);
        assertThat(listed.get("key").asString()).isEqualTo(large.documentId());
        assertThat(listed.get("valueOmitted").asString()).contains(properties.topics().raw() + "-0@0");

        assertThat(admin("POST", "/api/admin/dead-letters/redrive").get("redriven").asInt()).isEqualTo(1);
        try (TopicReader raw = new TopicReader(SharedBroker.bootstrapServers(), properties.topics().raw())) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(raw.readToEnd())
                    .filteredOn(r -> r.headers().lastHeader(KafkaDeadLetters.REDRIVEN_FROM) != null)
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).as("the original bytes").isEqualTo(largeBytes)));
        }
        // still not UTF-8, so dead-lettered again, again as a pointer: nothing loops, nothing is lost
        assertThat(deadLetters(large.documentId(), 2).get(1).headers().lastHeader(OversizedDeadLetters.HEADER))
                .isNotNull();
    }

    /** As if someone else had created the dead-letter topic with a smaller limit than this service declares. */
    private void shrinkDeadLetterTopic(int maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, properties.topics().deadLetter());
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes)),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return deadLetters(key, 1);
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key, int count) {
        try (TopicReader reader = new TopicReader(SharedBroker.bootstrapServers(), properties.topics().deadLetter())) {
            return await().atMost(WAIT).until(() -> reader.withKey(key), found -> found.size() == count);
        }
    }

    private JsonNode admin(String method, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", API_KEY).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void send(String key, byte[] value) throws Exception {
        RawTopicTestSupport.send(SharedBroker.bootstrapServers(), properties.topics().raw(), key, value);
    }
}
