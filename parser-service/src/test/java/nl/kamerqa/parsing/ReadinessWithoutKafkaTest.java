package nl.kamerqa.parsing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
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
 * The service with MongoDB up but no Kafka broker at its address: not ready (it can neither consume nor publish),
 * yet alive, so an orchestrator waits instead of restarting it; the admin API answers 503, not a hang.
 */
@SpringBootTest(classes = ParsingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ParsingApplication.CONFIG_NAME,
                // topics are not created and the listener is not started: only the health checks talk to Kafka
                "spring.kafka.admin.auto-create=false",
                "spring.kafka.listener.auto-startup=false",
                "kamerqa.dead-letters.timeout=1s",
                "kamerqa.security.api-key=" + ReadinessWithoutKafkaTest.API_KEY})
@ActiveProfiles("test")
class ReadinessWithoutKafkaTest {

    static final String API_KEY = "readiness-test-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = MONGO.bindAndGetConnectionString() + "/kamerqa";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        String noBroker = "127.0.0.1:" + closedPort();
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
        registry.add("spring.kafka.bootstrap-servers", () -> noBroker);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Test
    void unreachableKafkaMakesTheServiceUnreadyButNotDead() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(503);
        JsonNode components = JSON.readTree(readiness.body()).get("components");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("DOWN");
        assertThat(components.get("mongo").get("status").asString()).isEqualTo("UP");

        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void deadLetterListingWithoutKafkaIsA503Problem() throws Exception {
        HttpResponse<String> response = get("/api/admin/dead-letters", API_KEY);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).get("title").asString()).isEqualTo("Kafka unavailable");
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on (bound, then released). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
