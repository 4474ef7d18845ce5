package nl.kamerqa.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.query.store.QuestionSearch;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * broker reachable (the service does not use Kafka yet and must start and be healthy without one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QueryApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=127.0.0.1:1"})
class QueryServiceIntegrationTest {

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
    void documentsArePagedNewestFirstWithTotals() throws Exception {
        JsonNode first = getJson("/api/documents?page=0&size=2", 200);
        assertThat(ids(first)).containsExactly(KAMERVRAGEN, SCHRIFTELIJK_OVERLEG);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(3);

        JsonNode second = getJson("/api/documents?page=1&size=2", 200);
        assertThat(ids(second)).containsExactly(OLD_KAMERVRAGEN);
        assertThat(second.get("total").asLong()).isEqualTo(3);

        JsonNode beyond = getJson("/api/documents?page=7&size=2", 200);
        assertThat(beyond.get("items").isEmpty()).isTrue();
        assertThat(beyond.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void listedDocumentsCarryTheStoredFieldsWithIdButNoQuestions() throws Exception {
        JsonNode doc = getJson("/api/documents?size=1", 200).get("items").get(0);
        assertThat(doc.get("id").asString()).isEqualTo(KAMERVRAGEN);
        assertThat(doc.has("_id")).isFalse();
        assertThat(doc.has("questions")).isFalse();
        assertThat(doc.get("questionCount").asInt()).isEqualTo(3);
        assertThat(doc.get("genre").asString()).isEqualTo("KAMERVRAGEN");
        assertThat(doc.get("parser").get("version").asString()).isEqualTo("0.1.0-test");
        assertThat(doc.get("provenance").get("offset").asLong()).isEqualTo(42);
        assertThat(Instant.parse(doc.get("updatedAt").asString())).isEqualTo(Instant.parse("2024-05-01T09:30:00Z"));
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

    @Test
    void questionsAreListedByDocumentThenSeqWithPagingTotals() throws Exception {
        JsonNode all = getJson("/api/questions?size=100", 200);
        assertThat(all.get("total").asLong()).isEqualTo(10);
        assertThat(ids(all)).containsExactly(
                OLD_KAMERVRAGEN + "#1", OLD_KAMERVRAGEN + "#2",
                KAMERVRAGEN + "#1", KAMERVRAGEN + "#2", KAMERVRAGEN + "#3",
                SCHRIFTELIJK_OVERLEG + "#1", SCHRIFTELIJK_OVERLEG + "#2", SCHRIFTELIJK_OVERLEG + "#7",
                SCHRIFTELIJK_OVERLEG + "#8", SCHRIFTELIJK_OVERLEG + "#10");

        JsonNode third = getJson("/api/questions?page=2&size=4", 200);
        assertThat(ids(third)).containsExactly(SCHRIFTELIJK_OVERLEG + "#8", SCHRIFTELIJK_OVERLEG + "#10");
        assertThat(third.get("total").asLong()).isEqualTo(10);
        assertThat(third.get("page").asInt()).isEqualTo(2);
    }

    @Test
    void partyFilterIsExactButIgnoresCase() throws Exception {
        JsonNode d66 = getJson("/api/questions?party=d66", 200);
        assertThat(ids(d66)).containsExactly(
                SCHRIFTELIJK_OVERLEG + "#2", SCHRIFTELIJK_OVERLEG + "#7", SCHRIFTELIJK_OVERLEG + "#8");
        assertThat(d66.get("total").asLong()).isEqualTo(3);

        assertThat(getJson("/api/questions?party=D", 200).get("total").asLong()).isZero();
        assertThat(getJson("/api/questions?party=" + encode(".*"), 200).get("total").asLong()).isZero();
        assertThat(getJson("/api/questions?party=" + encode("groenlinks-pvda"), 200).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void documentIdFilterNarrowsToOneDocument() throws Exception {
        JsonNode old = getJson("/api/questions?documentId=" + OLD_KAMERVRAGEN, 200);
        assertThat(ids(old)).containsExactly(OLD_KAMERVRAGEN + "#1", OLD_KAMERVRAGEN + "#2");
    }

    @Test
    void operatorLookingValuesAreComparedAsPlainText() throws Exception {
        assertThat(getJson("/api/questions?documentId=" + encode("{\"$ne\": null}"), 200).get("total").asLong()).isZero();
        assertThat(getJson("/api/questions?party=" + encode("{\"$exists\": true}"), 200).get("total").asLong()).isZero();
        assertThat(getJson("/api/questions?q=" + encode(".*"), 200).get("total").asLong()).isZero();
    }

    /** Values an attacker would try, to turn a parameter into a MongoDB operator or a pattern that matches all. */
    static List<String> hostileValues() {
        return List.of("{\"$ne\": null}", "{\"$gt\": \"\"}", "{\"$where\": \"sleep(1000) || true\"}", "$where",
                "{\"$regex\": \".*\"}", "{\"$regex\": \".*\", \"$options\": \"i\"}", ".*", "^", "\\E.*\\Q",
                "this.party == 'D66'", "'; return true; var x='", "[$ne]=1", "D66\" || \"1\"==\"1");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void operatorOrPatternLookingValuesMatchNothingInAnyParameter(String value) throws Exception {
        for (String parameter : List.of("party", "documentId", "q")) {
            JsonNode found = getJson("/api/questions?" + parameter + "=" + encode(value), 200);
            assertThat(found.get("total").asLong()).as("%s=%s", parameter, value).isZero();
        }
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
    void bracketedParameterNamesAreNotOperators() throws Exception {
        // qs-style "party[$ne]=x" is just an unknown parameter here: ignored, so the listing is unfiltered
        JsonNode found = getJson("/api/questions?size=100&" + encode("party[$ne]") + "=x&" + encode("documentId[$gt]") + "=", 200);
        assertThat(found.get("total").asLong()).isEqualTo(10);
    }

    @Test
    void textSearchFallsBackToRegexOnTheEmbeddedServerAndSearchesQuestionsAndAnswers() throws Exception {
        // "gemeentefonds" is in the text of question 2 and in the shared answer of 7 and 8
        JsonNode found = getJson("/api/questions?q=GEMEENTEFONDS", 200);
        assertThat(ids(found)).containsExactly(
                SCHRIFTELIJK_OVERLEG + "#2", SCHRIFTELIJK_OVERLEG + "#7", SCHRIFTELIJK_OVERLEG + "#8");
        assertThat(context.getBean(QuestionSearch.class).name()).isEqualTo("regex");

        JsonNode metacharacters = getJson("/api/questions?q=" + encode("(art. 3.1)"), 200);
        assertThat(ids(metacharacters)).containsExactly(KAMERVRAGEN + "#2");

        JsonNode combined = getJson("/api/questions?q=gemeentefonds&party=D66&size=1&page=1", 200);
        assertThat(ids(combined)).containsExactly(SCHRIFTELIJK_OVERLEG + "#7");
        assertThat(combined.get("total").asLong()).isEqualTo(3);
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
        JsonNode health = getJson("/actuator/health", 200);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        JsonNode readiness = getJson("/actuator/health/readiness", 200);
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "mongo");
        assertThat(getJson("/actuator/health/liveness", 200).get("components").propertyNames())
                .containsExactly("livenessState");
        // nothing that would make KafkaAdmin connect to the (absent) broker
        assertThat(context.getBeansOfType(NewTopic.class)).isEmpty();
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

    private JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        return json.readTree(get(path, expectedStatus).body());
    }

    private HttpResponse<String> get(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s -> %s", path, response.body()).isEqualTo(expectedStatus);
        return response;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: like a query value, but a space is %20, not '+'. */
    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }
}
