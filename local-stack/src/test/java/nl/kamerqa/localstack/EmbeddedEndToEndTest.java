package nl.kamerqa.localstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end on this machine's parts: a real KRaft broker in-process, the MongoDB-wire server, all three services. */
class EmbeddedEndToEndTest extends EndToEndScenario {

    @TempDir
    static Path tempDir;
    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(LocalStack.Settings.forTests(tempDir));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void sampleUploadedThroughIngestComesOutOfQueryWithItsQuestionsAndAnswers() throws Exception {
        sampleUploadedThroughIngestIsServedByQuery(stack);
    }

    @Test
    void everyServiceReportsHealthAndPrometheusMetrics() throws Exception {
        for (var base : java.util.List.of(stack.ingestUrl(), stack.parserUrl(), stack.queryUrl())) {
            assertThat(get(base, "/actuator/health").get("status").asString()).as("health of %s", base).isEqualTo("UP");
            var response = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("jvm_memory_used_bytes");
        }
    }
}
