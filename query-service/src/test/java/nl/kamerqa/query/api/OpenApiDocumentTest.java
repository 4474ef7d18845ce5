package nl.kamerqa.query.api;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.contracts.Topics;
import nl.kamerqa.query.QueryApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document, read over HTTP from the whole service as client generators read it; and the AsyncAPI
 * document of the topics with its schemas, served from the same context (one Spring context for both).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QueryApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=127.0.0.1:1", "kamerqa.index.directory=target/test-index/${random.uuid}"})
class OpenApiDocumentTest {

    private static final MongoServer mongo = new MongoServer(new MemoryBackend());
    private static final String mongoUri = mongo.bindAndGetConnectionString() + "/kamerqa-openapi";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> mongoUri);
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdown();
    }

    @Test
    void apiDocsAreServedAsOpenApi3Json() throws Exception {
        HttpResponse<String> response = apiDocs();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode doc = json.readTree(response.body());
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("info").get("title").asString()).isEqualTo("kamerqa query API");
        assertThat(doc.get("info").get("description").asString()).contains("Kamervragen");
    }

    @Test
    void everyReadEndpointIsDocumentedAsGetWithAStableOperationId() throws Exception {
        JsonNode paths = document().get("paths");
        // operationIds become method names in generated clients: springdoc's defaults would be list, list_1, ...
        Map<String, String> operations = Map.of(
                "/api/questions", "searchQuestions",
                "/api/questions/{id}", "getQuestion",
                "/api/documents", "listDocuments",
                "/api/documents/{id}", "getDocument",
                "/api/documents/{documentId}/questions/{number}", "getDocumentQuestion",
                "/api/stream", "streamDocuments");
        operations.forEach((path, operationId) -> {
            assertThat(paths.has(path)).as("path %s in %s", path, paths.propertyNames()).isTrue();
            JsonNode get = paths.get(path).get("get");
            assertThat(get).as("GET %s", path).isNotNull();
            assertThat(get.get("operationId").asString()).isEqualTo(operationId);
            assertThat(get.path("summary").asString()).as("summary of GET %s", path).isNotBlank();
        });
    }

    @Test
    void liveStreamIsDocumentedAsAnEventStreamWithItsFilters() throws Exception {
        JsonNode stream = document().get("paths").get("/api/stream").get("get");
        assertThat(stream.get("responses").get("200").get("content").has("text/event-stream")).isTrue();
        List<String> names = new ArrayList<>();
        stream.get("parameters").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("party", "genre", "answeredBy", "q", "recent", "Last-Event-ID");
    }

    @Test
    void questionSearchParametersAreDocumentedWithTheirLimits() throws Exception {
        JsonNode list = document().get("paths").get("/api/questions").get("get");
        List<String> names = new ArrayList<>();
        list.get("parameters").forEach(p -> {
            names.add(p.get("name").asString());
            assertThat(p.get("in").asString()).isEqualTo("query");
            assertThat(p.path("description").asString()).as("description of %s", p.get("name")).isNotBlank();
        });
        assertThat(names).contains("q", "party", "documentId", "dossier", "genre", "answeredBy", "asker", "from", "to",
                "answered", "sort", "cursor", "limit", "facets", "page", "size");

        JsonNode limit = parameter(list, "limit").get("schema");
        assertThat(limit.get("minimum").asInt()).isEqualTo(1);
        assertThat(limit.get("maximum").asInt()).isEqualTo(200);
        JsonNode size = parameter(list, "size");
        assertThat(size.get("deprecated").asBoolean()).isTrue();
        assertThat(size.get("schema").get("maximum").asInt()).isEqualTo(100);
        assertThat(parameter(list, "page").get("schema").get("minimum").asInt()).isZero();

        assertThat(parameter(list, "party").get("schema").get("type").asString()).isEqualTo("array"); // repeatable
        JsonNode party = parameter(list, "documentId").get("schema");
        assertThat(party.get("maxLength").asInt()).isEqualTo(FilterText.MAX_LENGTH);
        // generators compile patterns as ECMAScript regexes: no Java-only classes such as \P{Cc}
        assertThat(party.get("pattern").asString()).startsWith("^").endsWith("$").doesNotContain("\\p{", "\\P{");
    }

    @Test
    void errorResponsesAreDocumentedWhereTheCodeProducesThem() throws Exception {
        JsonNode paths = document().get("paths");
        assertThat(paths.get("/api/questions").get("get").get("responses").propertyNames())
                .contains("200", "400", "503").doesNotContain("404");
        assertThat(paths.get("/api/documents/{id}").get("get").get("responses").propertyNames())
                .contains("200", "400", "404", "503");
        assertThat(paths.get("/api/questions/{id}").get("get").get("responses").propertyNames())
                .contains("200", "400", "404", "503");
    }

    @Test
    void onlyTheApiIsDocumentedNotActuatorOrTheDocsThemselves() throws Exception {
        for (String path : document().get("paths").propertyNames()) {
            assertThat(path).as("documented path").startsWith("/api/");
            assertThat(path).doesNotContain("actuator");
        }
    }

    @Test
    void asyncApiDocumentIsServedWithoutAnApiKeyAsYaml() throws Exception {
        HttpResponse<String> response = get("/asyncapi.yaml");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(response.body()).startsWith("# The kamerqa topics as AsyncAPI 3")
                .contains("asyncapi: 3.0.0", "address: " + Topics.PARSED);
    }

    @Test
    void schemasTheAsyncApiDocumentReferencesAreServedNextToIt() throws Exception {
        for (String ref : List.of("schemas/raw-document.schema.json", "schemas/parsed-document.schema.json")) {
            assertThat(get("/asyncapi.yaml").body()).contains("$ref: '" + ref + "'");
            HttpResponse<String> schema = get("/" + ref);
            assertThat(schema.statusCode()).as(ref).isEqualTo(200);
            assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/schema+json"));
            assertThat(json.readTree(schema.body()).get("$schema").asString())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @Test
    void onlyTheContractsSchemasAreServed() throws Exception {
        assertThat(get("/schemas/secrets.json").statusCode()).isEqualTo(404);
        assertThat(get("/schemas/..%2Fasyncapi.yaml").statusCode()).isIn(400, 404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode document() throws Exception {
        return json.readTree(apiDocs().body());
    }

    private HttpResponse<String> apiDocs() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode p : operation.get("parameters")) {
            if (name.equals(p.get("name").asString())) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }
}
