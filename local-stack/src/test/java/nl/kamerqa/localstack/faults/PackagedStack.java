package nl.kamerqa.localstack.faults;

import nl.kamerqa.localstack.ChildJvmOptions;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * What {@code ./run} starts: the packaged {@code local-stack.jar} ({@code java -jar}, broker, MongoDB-wire server and
 * the three services in one JVM) as a direct child process, configured through the environment like a user would
 * (data folder, ports, API key). SIGKILL of this process takes down everything at once.
 */
final class PackagedStack extends ChildJvm {

    /** Printed by {@code LocalStack.main} once the services run and the bundled sample was uploaded. */
    static final String RUNNING = "kamerqa is running";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Ports ports;

    /** The ports the stack is told to use (the same after a restart). */
    record Ports(int kafka, int mongo, int ingest, int parser, int query) {

        static Ports free() throws IOException {
            return new Ports(FaultStack.freePort(), FaultStack.freePort(), FaultStack.freePort(), FaultStack.freePort(),
                    FaultStack.freePort());
        }
    }

    /**
     * @param extraEnvironment further settings, e.g. {@code KAMERQA_UPLOAD_REQUESTS_PER_MINUTE}
     */
    PackagedStack(Path jar, List<String> jvmOptions, Path dataDir, Ports ports, String apiKey,
                  Map<String, String> extraEnvironment, Path log) {
        super("local-stack", command(jar, jvmOptions), environment(dataDir, ports, apiKey, extraEnvironment), log);
        this.ports = ports;
    }

    private static List<String> command(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaBinary());
        command.addAll(ChildJvmOptions.fromTheBuild());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    private static Map<String, String> environment(Path dataDir, Ports ports, String apiKey, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAMERQA_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("KAFKA_PORT", String.valueOf(ports.kafka()));
        env.put("MONGODB_PORT", String.valueOf(ports.mongo()));
        env.put("INGEST_PORT", String.valueOf(ports.ingest()));
        env.put("PARSER_PORT", String.valueOf(ports.parser()));
        env.put("QUERY_PORT", String.valueOf(ports.query()));
        env.put("KAMERQA_API_KEY", apiKey);
        env.putAll(extra);
        return env;
    }

    /** Waits for the "kamerqa is running" line of this start; fails at once if the process exits meanwhile. */
    void awaitRunning(Duration atMost) {
        await(name() + " running").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertAlive("before it was running");
            return outputOfThisStart().contains(RUNNING);
        });
    }

    /** Waits until query-service lists at least one document: the bundled sample has gone through the pipeline. */
    void awaitSampleServed(Duration atMost) {
        await(name() + " serves the bundled sample").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertAlive("before it served the sample");
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    queryUrl().resolve("/api/documents")).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && JSON.readTree(response.body()).path("total").asInt() >= 1;
                });
    }

    URI ingestUrl() {
        return URI.create("http://127.0.0.1:" + ports.ingest());
    }

    URI queryUrl() {
        return URI.create("http://127.0.0.1:" + ports.query());
    }

    Observer.Endpoints endpoints() {
        return new Observer.Endpoints("127.0.0.1:" + ports.kafka(), "mongodb://127.0.0.1:" + ports.mongo(), queryUrl());
    }
}
