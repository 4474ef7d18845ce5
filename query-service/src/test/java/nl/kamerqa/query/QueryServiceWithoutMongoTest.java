package nl.kamerqa.query;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with no MongoDB at its address: it starts, is alive but not ready (so it gets no traffic and is not
 * restarted), and answers queries with a quick 503 problem instead of hanging.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QueryApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=127.0.0.1:1",
                "kamerqa.query.mongo-timeout=500ms", "kamerqa.index.directory=target/test-index/${random.uuid}",
                "kamerqa.security.api-key=" + QueryServiceWithoutMongoTest.API_KEY})
class QueryServiceWithoutMongoTest {

    static final String API_KEY = "without-mongo-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void noMongo(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String uri = "mongodb://127.0.0.1:" + closed + "/kamerqa";
        registry.add("spring.mongodb.uri", () -> uri);
    }

    @LocalServerPort
    int port;

    @Test
    void unreachableMongoMakesTheServiceUnreadyButNotDead() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        // without the key the status alone: the error (naming MongoDB's address) only for the API key
        assertThat(JSON.readTree(readiness.body()).propertyNames()).containsExactly("status");
        HttpResponse<String> detailed = get("/actuator/health/readiness", API_KEY);
        assertThat(detailed.statusCode()).isEqualTo(503);
        JsonNode mongo = JSON.readTree(detailed.body()).get("components").get("mongo");
        assertThat(mongo.get("status").asString()).isEqualTo("DOWN");
        assertThat(mongo.at("/details/error").asString()).isNotBlank();

        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void searchesAreAnsweredFromTheIndexButReadsFromMongoDbAreA503Problem() throws Exception {
        assertThat(get("/api/questions?party=D66").statusCode()).isEqualTo(200);
        HttpResponse<String> response = get("/api/documents/kst-36200-VII-147");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Database unavailable");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
