package nl.kamerqa.parsing.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parsing.ParsingApplication;
import nl.kamerqa.parsing.SharedBroker;
import nl.kamerqa.parsing.ParsingService;
import nl.kamerqa.parsing.Samples;
import nl.kamerqa.parsing.config.ParserProperties;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

/**
 * An {@code Error} that escapes the listener makes spring-kafka stop the container for good. The process stays up,
 * so the liveness probe is what must notice: it goes DOWN and names the stopped container, while readiness (Kafka
 * and MongoDB reachable) would still say UP. The gauge behind the "listener stopped" alert counts it.
 */
@SpringBootTest(classes = ParsingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ParsingApplication.CONFIG_NAME)
@ActiveProfiles("test")
@DirtiesContext
class ListenerStoppedByAnErrorTest extends InMemoryMongoTest {

    /** The shared broker, with this class's own topics (one raw partition) and groups. */
    @DynamicPropertySource
    static void sharedBroker(DynamicPropertyRegistry registry) {
        SharedBroker.register(registry, "listener-error-it", 1);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ParserProperties properties;
    @Autowired
    MeterRegistry meters;
    @MockitoSpyBean
    ParsingService parsing;
    @LocalServerPort
    int port;

    @Test
    void listenerStoppedByAnErrorTurnsLivenessDown() throws Exception {
        RawDocument raw = Samples.plainText("kst-36200-VII-990", "Vraag 1\nDe leden van de SGP-fractie ...");
        assertThat(liveness().statusCode()).isEqualTo(200);
        assertThat(stoppedListeners()).isZero();
        doThrow(new LinkageError("simulated: a class that cannot be loaded"))
                .when(parsing).processAll(argThat(batch -> batch != null && batch.stream()
                        .anyMatch(d -> d.raw() != null && raw.documentId().equals(d.raw().documentId()))));

        RawTopicTestSupport.send(SharedBroker.bootstrapServers(), properties.topics().raw(), raw.documentId(),
                JSON.writeValueAsBytes(raw));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(liveness().statusCode()).isEqualTo(503));
        JsonNode listeners = JSON.readTree(liveness().body()).get("components").get("kafkaListeners");
        assertThat(listeners.get("status").asString()).isEqualTo("DOWN");
        assertThat(listeners.get("details").get(RawDocumentListener.ID).asString()).isEqualTo("stopped abnormally");
        assertThat(stoppedListeners()).isEqualTo(1);
    }

    private double stoppedListeners() {
        return meters.get(ListenerContainersHealthIndicator.STOPPED_GAUGE).gauge().value();
    }

    private HttpResponse<String> liveness() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
