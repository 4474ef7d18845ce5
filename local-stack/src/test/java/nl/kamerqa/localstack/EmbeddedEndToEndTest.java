package nl.kamerqa.localstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end on this machine's parts: a real KRaft broker in-process, the MongoDB-wire server, all three services. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedEndToEndTest extends EndToEndScenario {

    @TempDir
    static Path tempDir;
    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        // query-service's search index in this run's folder, not in ./data, which a fresh broker knows nothing of
        System.setProperty("kamerqa.index.directory", tempDir.resolve("query-index").toString());
        stack = LocalStack.start(LocalStack.Settings.forTests(tempDir));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        System.clearProperty("kamerqa.index.directory");
    }

    @Test
    void sampleUploadedThroughIngestComesOutOfQueryWithItsQuestionsAndAnswersAndIsCounted(CapturedOutput output)
            throws Exception {
        var events = sampleUploadedThroughIngestIsServedByQuery(stack);
        assertOneTraceFromUploadToQuery(events, output);

        // what an operator's dashboard sees after exactly one document went through
        assertThat(metric(stack.ingestUrl(), "kamerqa_ingest_documents_received_total", "source=\"upload\""))
                .isEqualTo(1.0);
        assertThat(metric(stack.ingestUrl(), "kamerqa_ingest_documents_total",
                "source=\"upload\"", "outcome=\"accepted\"")).isEqualTo(1.0);
        assertThat(metric(stack.parserUrl(), "kamerqa_parser_documents_total", "outcome=\"parsed\"")).isEqualTo(1.0);
        assertThat(metric(stack.parserUrl(), "kamerqa_parser_documents_total", "outcome=\"failed\"")).isEqualTo(0.0);
        assertThat(metric(stack.parserUrl(), "kamerqa_parser_questions_sum")).isEqualTo(46.0);
        assertThat(metric(stack.parserUrl(), "kamerqa_parser_parse_seconds_count")).isEqualTo(1.0);
        assertThat(metric(stack.parserUrl(), "kamerqa_parser_dead_letters_total")).isEqualTo(0.0);
        assertThat(metric(stack.queryUrl(), "http_server_requests_seconds_count",
                "uri=\"/api/documents/{id}\"", "status=\"200\"")).isGreaterThanOrEqualTo(1.0);

        searchApiServesTheSampleFromItsIndex(stack);
    }

    @Test
    void parsedTopicIsCompactedSoTheSearchIndexCanBeRebuiltFromIt() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            var topic = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "parliament.documents.parsed");
            var config = admin.describeConfigs(java.util.List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
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
