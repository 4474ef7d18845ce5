package nl.kamerqa.parsing.messaging;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parsing.ParserFailedException;
import nl.kamerqa.parsing.ParserMetrics;
import nl.kamerqa.parsing.ParsingApplication;
import nl.kamerqa.parsing.SharedBroker;
import nl.kamerqa.parsing.RawDocumentParser;
import nl.kamerqa.parsing.Samples;
import nl.kamerqa.parsing.config.ParserProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static nl.kamerqa.parsing.messaging.RawTopicTestSupport.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

/**
 * The dead-letter admin API on a real broker: entries are listed without being consumed, re-driven to the raw topic
 * unchanged (plus {@code kamerqa_redriven_from}), and each entry is re-driven once. Its own topics and context, so
 * the dead-letter topic holds only what these tests put there. The parser spy plays a parser bug fixed after the
 * first attempt.
 */
@SpringBootTest(classes = ParsingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ParsingApplication.CONFIG_NAME,
                "kamerqa.security.api-key=" + DeadLetterRedriveIntegrationTest.API_KEY})
@ActiveProfiles("test")
@DirtiesContext
class DeadLetterRedriveIntegrationTest extends InMemoryMongoTest {

    /** The shared broker, with this class's own topics (three raw partitions) and groups. */
    @DynamicPropertySource
    static void sharedBroker(DynamicPropertyRegistry registry) {
        SharedBroker.register(registry, "redrive-it", 3);
    }

    static final String API_KEY = "redrive-test-key";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ParserProperties properties;
    @Autowired
    MongoDatabase database;
    @Autowired
    MeterRegistry meters;
    @MockitoSpyBean
    RawDocumentParser parser;
    @LocalServerPort
    int port;

    @Test
    void deadLettersAreListedAndEachEntryIsRedrivenOnce() throws Exception {
        RawDocument fixable = Samples.plainText("kst-36200-VII-961", "Vraag 1\nDe leden van de SP-fractie ...");
        RawDocument garbage = Samples.raw("kst-36200-VII-962", "text/plain", new byte[]{'V', (byte) 0xC3, '(', (byte) 0xFF});
        doThrow(new ParserFailedException("simulated parser bug", null)).doCallRealMethod()
                .when(parser).parse(argThat(raw -> raw != null && fixable.documentId().equals(raw.documentId())));
        byte[] garbageBytes = JSON.writeValueAsBytes(garbage);
        send(fixable.documentId(), JSON.writeValueAsBytes(fixable));
        send(garbage.documentId(), garbageBytes);
        awaitDeadLetters(garbage.documentId(), 1);
        awaitDeadLetters(fixable.documentId(), 1);

        JsonNode listing = admin("GET", "/api/admin/dead-letters", 200);
        assertThat(listing.get("topic").asString()).isEqualTo(properties.topics().deadLetter());
        assertThat(listing.get("total").asLong()).isEqualTo(2);
        assertThat(listing.get("pending").asLong()).isEqualTo(2);
        JsonNode bug = entry(listing, fixable.documentId(), 0);
        assertThat(bug.get("originalTopic").asString()).isEqualTo(properties.topics().raw());
        assertThat(bug.get("originalPartition").asInt()).isBetween(0, 2);
        assertThat(bug.get("originalOffset").asLong()).isNotNegative();
        assertThat(bug.get("exceptionClass").asString()).isEqualTo(ParserFailedException.class.getName());
        assertThat(bug.get("message").asString()).contains("simulated parser bug");
        assertThat(bug.get("reason").asString()).startsWith("parser error: simulated parser bug");
        assertThat(bug.get("deadLetteredAt").asString()).isNotBlank();
        assertThat(bug.get("redriven").asBoolean()).isFalse();
        assertThat(entry(listing, garbage.documentId(), 0).get("exceptionClass").asString())
                .isEqualTo(UnsupportedDocumentException.class.getName());
        assertThat(admin("GET", "/api/admin/dead-letters", 200)).as("listing consumes nothing").isEqualTo(listing);

        assertThat(admin("POST", "/api/admin/dead-letters/redrive?limit=1", 200).get("redriven").asInt()).isEqualTo(1);
        assertThat(admin("POST", "/api/admin/dead-letters/redrive", 200).get("redriven").asInt()).isEqualTo(1);

        // the fixed parser now stores the first; the second still cannot be parsed and is dead-lettered again
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                database.getCollection("documents").find(eq("_id", fixable.documentId())).first())
                .isNotNull().containsKey("publishedAt"));
        List<ConsumerRecord<String, byte[]>> garbageEntries = awaitDeadLetters(garbage.documentId(), 2);
        ConsumerRecord<String, byte[]> first = garbageEntries.get(0);
        String firstEntry = first.topic() + "-" + first.partition() + "@" + first.offset();
        assertThat(header(garbageEntries.get(1), KafkaDeadLetters.REDRIVEN_FROM)).isEqualTo(firstEntry);
        assertThat(garbageEntries.get(1).value()).as("still the original bytes").isEqualTo(garbageBytes);

        JsonNode after = admin("GET", "/api/admin/dead-letters", 200);
        assertThat(after.get("total").asLong()).isEqualTo(3);
        assertThat(after.get("pending").asLong()).isEqualTo(1);
        assertThat(entry(after, fixable.documentId(), 0).get("redriven").asBoolean()).isTrue();
        JsonNode newest = after.get("items").get(0);
        assertThat(newest.get("key").asString()).isEqualTo(garbage.documentId());
        assertThat(newest.get("redrivenFrom").asString()).isEqualTo(firstEntry);
        assertThat(newest.get("redriven").asBoolean()).isFalse();

        // only the new entry is re-driven: none of the first two goes out a second time
        assertThat(admin("POST", "/api/admin/dead-letters/redrive", 200).get("redriven").asInt()).isEqualTo(1);
        try (TopicReader raw = new TopicReader(SharedBroker.bootstrapServers(), properties.topics().raw())) {
            List<ConsumerRecord<String, byte[]>> redriven = raw.readToEnd().stream()
                    .filter(r -> r.headers().lastHeader(KafkaDeadLetters.REDRIVEN_FROM) != null)
                    .toList();
            assertThat(redriven).extracting(r -> header(r, KafkaDeadLetters.REDRIVEN_FROM))
                    .hasSize(3).doesNotHaveDuplicates().contains(firstEntry);
            assertThat(redriven).filteredOn(r -> garbage.documentId().equals(r.key()))
                    .allSatisfy(r -> assertThat(r.value()).isEqualTo(garbageBytes));
            assertThat(redriven).allSatisfy(r -> assertThat(r.headers().lastHeader("kafka_dlt-exception-fqcn"))
                    .as("dead-letter headers stay behind").isNull());
        }
        assertThat(meters.get(ParserMetrics.REDRIVEN).counter().count()).isEqualTo(3);
    }

    @Test
    void adminEndpointsNeedTheKeyButTheActuatorDoesNot() throws Exception {
        HttpResponse<String> withoutKey = HTTP.send(HttpRequest.newBuilder(url("/api/admin/dead-letters")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(withoutKey.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(withoutKey.body()).get("detail").asString()).isEqualTo("missing X-API-Key header");

        HttpResponse<String> wrongKey = HTTP.send(HttpRequest.newBuilder(url("/api/admin/dead-letters/redrive"))
                .header("X-API-Key", API_KEY + "x").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongKey.statusCode()).isEqualTo(403);

        // spellings Tomcat or Spring MVC would map to the same controller must meet the same check
        for (String path : List.of("/api/admin;x=1/dead-letters", "/api//admin/dead-letters",
                "/api/admin/./dead-letters", "/api/other/../admin/dead-letters", "/api/admin/dead-letters;jsessionid=1",
                "/api/%61dmin/dead-letters", "/api/admin/dead-letters/")) {
            int status = HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            assertThat(status).as(path).isIn(400, 401, 404);
        }

        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/prometheus")) {
            assertThat(HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as(path).isEqualTo(200);
        }
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int count) {
        try (TopicReader reader = new TopicReader(SharedBroker.bootstrapServers(), properties.topics().deadLetter())) {
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                found.clear();
                found.addAll(reader.withKey(key));
                assertThat(found).hasSize(count);
            });
            return found;
        }
    }

    private static JsonNode entry(JsonNode listing, String key, int index) {
        List<JsonNode> entries = new ArrayList<>();
        listing.get("items").forEach(item -> {
            if (key.equals(item.get("key").asString())) {
                entries.add(item);
            }
        });
        return entries.get(index);
    }

    private JsonNode admin(String method, String path, int expectedStatus) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url(path)).header("X-API-Key", API_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private void send(String key, byte[] value) throws Exception {
        RawTopicTestSupport.send(SharedBroker.bootstrapServers(), properties.topics().raw(), key, value);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
