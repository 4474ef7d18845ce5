package nl.kamerqa.query.stream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.query.QueryApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream that reaches {@code kamerqa.stream.timeout} ends as a normal, complete response, so the client's
 * EventSource reconnects (with Last-Event-ID) instead of seeing an error. No broker is needed: the stream serves
 * clients whether or not its consumer is connected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QueryApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=127.0.0.1:1", "kamerqa.stream.timeout=1s", "kamerqa.index.directory=target/test-index/${random.uuid}"})
class LiveStreamTimeoutTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = MONGO.bindAndGetConnectionString() + "/kamerqa-timeout";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Test
    void streamOpensAtOnceAndEndsCleanlyAtItsTimeoutSoTheClientReconnects() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);

        // readAllBytes returns only when the server ends the response; an error would surface as an IOException
        byte[] body = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = response.body()) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(15, TimeUnit.SECONDS);
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith(":connected").contains("retry:5000").doesNotContain("\"status\"");
    }
}
