package nl.kamerqa.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What `./run` starts, as a user gets it: the packaged local-stack.jar in its own process (not the test class
 * path, which has every test dependency), given a PDF, a Word letter and an officielebekendmakingen XML. Each format
 * needs its reader's library inside the jar; a dependency declared with the wrong scope once left PDFBox out, and
 * the parser's consumer stopped at the first PDF.
 */
class PackagedStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Looking costs a file read or a local request; every second of waiting is a second of the build. */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Map<String, String> DOCUMENTS = Map.of(
            "ah-tk-20142015-698.pdf", "application/pdf",
            "antwoord-brandweer-0900.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ah-tk-20232024-1786.xml", "application/xml");

    private final HttpClient http = HttpClient.newHttpClient();
    private Process stack;

    @AfterEach
    void stop() throws InterruptedException {
        if (stack != null) {
            stack.destroy(); // SIGTERM: the stack's shutdown hook stops the services, Kafka and MongoDB in order
            if (!stack.waitFor(60, TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
        }
    }

    @Test
    void packagedJarParsesPdfWordAndXmlUploads(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("kamerqa.packaged.jar", "target/local-stack.jar"));
        assertThat(jar).exists();
        int ingest = freePort();
        int parser = freePort();
        int query = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(ChildJvmOptions.fromTheBuild());
        command.addAll(List.of("-Xmx768m", "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stack.log").toFile());
        builder.environment().putAll(Map.of("KAMERQA_DATA_DIR", dir.resolve("data").toString(),
                "KAFKA_PORT", String.valueOf(freePort()), "MONGODB_PORT", String.valueOf(freePort()),
                "INGEST_PORT", String.valueOf(ingest), "PARSER_PORT", String.valueOf(parser),
                "QUERY_PORT", String.valueOf(query), "KAMERQA_API_KEY", "packaged-it-key"));
        stack = builder.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(POLL).untilAsserted(() -> {
            assertThat(stack.isAlive()).as("stack process alive; log: %s", dir.resolve("stack.log")).isTrue();
            assertThat(Files.readString(dir.resolve("stack.log"))).contains("kamerqa is running");
        });
        // the bundled sample is uploaded at start: count only once it is served, so our uploads are what is added
        await().atMost(Duration.ofMinutes(2)).pollInterval(POLL).ignoreExceptions()
                .until(() -> get(query, "/api/documents").get("total").asInt() >= 1);
        int before = get(query, "/api/documents").get("total").asInt();

        for (Map.Entry<String, String> document : DOCUMENTS.entrySet()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + ingest + "/api/documents?filename=" + document.getKey()))
                    .header("X-API-Key", "packaged-it-key").header("Content-Type", document.getValue())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(resource(document.getKey()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("%s: %s", document.getKey(), answer.body()).isEqualTo(202);
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(POLL).untilAsserted(() -> {
            JsonNode documents = get(query, "/api/documents?size=100");
            assertThat(documents.get("total").asInt()).isGreaterThanOrEqualTo(before + DOCUMENTS.size());
            List<Integer> questionCounts = new ArrayList<>();
            documents.get("items").forEach(d -> questionCounts.add(d.path("questionCount").asInt()));
            assertThat(questionCounts).as("every document has questions").doesNotContain(0);
        });
        assertThat(get(parser, "/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
        assertThat(Files.readString(dir.resolve("stack.log"))).doesNotContain("NoClassDefFoundError")
                .doesNotContain("stage=dead-lettered");
    }

    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PackagedStackTest.class.getResourceAsStream("/packaged/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
