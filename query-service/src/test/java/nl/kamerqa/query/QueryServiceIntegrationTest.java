package nl.kamerqa.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static nl.kamerqa.query.StoredSamples.KAMERVRAGEN;
import static nl.kamerqa.query.StoredSamples.OLD_KAMERVRAGEN;
import static nl.kamerqa.query.StoredSamples.SCHRIFTELIJK_OVERLEG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service over a real HTTP port against mongo-java-server seeded as parser-service writes, with no Kafka
 * broker reachable: the search index stays empty, and what is read by id comes from MongoDB, the system of record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QueryApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=127.0.0.1:1", "kamerqa.index.directory=target/test-index/${random.uuid}",
                "kamerqa.security.api-key=" + QueryServiceIntegrationTest.API_KEY})
class QueryServiceIntegrationTest {

    static final String API_KEY = "health-test-key";

    private static final MongoServer mongo = new MongoServer(new MemoryBackend());
    private static final String mongoUri = mongo.bindAndGetConnectionString() + "/kamerqa-it";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> mongoUri);
    }

    @BeforeAll
    static void seed() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            StoredSamples.storeAll(client.getDatabase("kamerqa-it"));
        }
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdown();
    }

    @Test
    void documentComesWithItsQuestionsInSeqOrder() throws Exception {
        JsonNode doc = getJson("/api/documents/" + SCHRIFTELIJK_OVERLEG, 200);
        assertThat(doc.get("id").asString()).isEqualTo(SCHRIFTELIJK_OVERLEG);
        assertThat(doc.get("footnotes").get(0).get("text").asString()).isEqualTo("SCP, Burgerperspectieven 2022–2");
        List<String> numbers = new ArrayList<>();
        doc.get("questions").forEach(q -> numbers.add(q.get("number").asString()));
        assertThat(numbers).containsExactly("1", "2", "7", "8", "10");
        JsonNode seven = doc.get("questions").get(2);
        assertThat(seven.get("id").asString()).isEqualTo(SCHRIFTELIJK_OVERLEG + "#7");
        assertThat(seven.get("answer").get("covers").toString()).isEqualTo("[\"7\",\"8\"]");
    }

    @Test
    void unknownDocumentIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/api/documents/kst-0-0", 404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains("kst-0-0");
    }

    /** Values an attacker would try, to turn a parameter into a MongoDB operator or a pattern that matches all. */
    static List<String> hostileValues() {
        return List.of("{\"$ne\": null}", "{\"$gt\": \"\"}", "{\"$where\": \"sleep(1000) || true\"}", "$where",
                "{\"$regex\": \".*\"}", "{\"$regex\": \".*\", \"$options\": \"i\"}", ".*", "^", "\\E.*\\Q",
                "this.party == 'D66'", "'; return true; var x='", "[$ne]=1", "D66\" || \"1\"==\"1");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void operatorOrPatternLookingIdsFindNothing(String value) throws Exception {
        for (String path : List.of("/api/documents/" + encodePath(value), "/api/questions/" + encodePath(value),
                "/api/documents/" + encodePath(value) + "/questions/" + encodePath(value))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            // 404 from the store; 400 where Tomcat refuses the path itself (an encoded backslash)
            assertThat(response.statusCode()).as("GET %s", path).isIn(400, 404);
        }
    }

    @Test
    void questionIsFoundByItsEncodedHashIdAndByTheFriendlierAlias() throws Exception {
        JsonNode byId = getJson("/api/questions/" + SCHRIFTELIJK_OVERLEG + "%237", 200);
        assertThat(byId.get("id").asString()).isEqualTo(SCHRIFTELIJK_OVERLEG + "#7");
        assertThat(byId.get("party").asString()).isEqualTo("D66");
        assertThat(byId.get("seq").asInt()).isEqualTo(7);
        assertThat(byId.get("answer").get("text").asString()).contains("gemeentefonds");

        JsonNode byAlias = getJson("/api/documents/" + SCHRIFTELIJK_OVERLEG + "/questions/7", 200);
        assertThat(byAlias).isEqualTo(byId);
    }

    @Test
    void unknownQuestionIsA404ProblemOnBothPaths() throws Exception {
        assertThat(getJson("/api/questions/" + SCHRIFTELIJK_OVERLEG + "%2399", 404).get("detail").asString())
                .contains(SCHRIFTELIJK_OVERLEG + "#99");
        assertThat(getJson("/api/documents/" + SCHRIFTELIJK_OVERLEG + "/questions/99", 404).get("detail").asString())
                .contains(SCHRIFTELIJK_OVERLEG + "#99");
    }

    @Test
    void badParameterIsA400ProblemNamingIt() throws Exception {
        JsonNode problem = getJson("/api/questions?size=0", 400);
        assertThat(problem.get("detail").asString()).contains("size");
    }

    @Test
    void healthIsUpWithMongoPingAndNoKafkaBroker() throws Exception {
        JsonNode health = healthWithKey("/actuator/health", API_KEY);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        JsonNode readiness = healthWithKey("/actuator/health/readiness", API_KEY);
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "mongo");
        assertThat(healthWithKey("/actuator/health/liveness", API_KEY).get("components").propertyNames())
                .containsExactly("livenessState");
        // nothing that would make KafkaAdmin connect to the (absent) broker
        assertThat(context.getBeansOfType(NewTopic.class)).isEmpty();
    }

    /** Components and details (database name, disk, error messages) only for the API key; the status for all. */
    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"})
    void healthShowsItsComponentsAndDetailsOnlyWithTheApiKey(String path) throws Exception {
        // the status (and, at the root, the names of the groups), no components, no details
        JsonNode anonymous = getJson(path, 200);
        assertThat(anonymous.propertyNames()).contains("status").isSubsetOf("status", "groups");
        assertThat(anonymous.get("status").asString()).isEqualTo("UP");
        assertThat(healthWithKey(path, "wrong-key")).isEqualTo(anonymous);
        assertThat(healthWithKey(path, "")).isEqualTo(anonymous);

        JsonNode withKey = healthWithKey(path, API_KEY);
        assertThat(withKey.get("status").asString()).isEqualTo("UP");
        assertThat(withKey.get("components").propertyNames()).isNotEmpty();
        if (!path.endsWith("/liveness")) {
            assertThat(withKey.at("/components/mongo/details/database").asString()).isEqualTo("kamerqa-it");
        }
    }

    @Test
    void prometheusReportsRequestLatencyPerEndpoint() throws Exception {
        get("/api/questions/" + SCHRIFTELIJK_OVERLEG + "%231", 200);
        String metrics = get("/actuator/prometheus", 200).body();
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*application=\"query-service\"[^}]*uri=\"/api/questions/\\{id}\"");
        assertThat(metrics).contains("http_server_requests_seconds_bucket");
    }

    @Test
    void webPageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> page = get("/", 200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("/api/questions");
    }

    private JsonNode healthWithKey(String path, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = new ApiClient(port).getWithKey(path, key);
        assertThat(response.statusCode()).as("GET %s -> %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        return new ApiClient(port).json(path, expectedStatus);
    }

    private HttpResponse<String> get(String path, int expectedStatus) throws IOException, InterruptedException {
        return new ApiClient(port).get(path, expectedStatus);
    }

    /** A path segment: like a query value, but a space is %20, not '+'. */
    private static String encodePath(String value) {
        return ApiClient.encode(value).replace("+", "%20");
    }
}
