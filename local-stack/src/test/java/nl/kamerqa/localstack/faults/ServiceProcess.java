package nl.kamerqa.localstack.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One kamerqa service as a child JVM ({@code java -cp <the test class path> <main class> --server.port=...}), so it
 * can be killed with SIGKILL and started again like a real deployment; its output is appended to a log file.
 */
final class ServiceProcess extends ChildJvm {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;

    ServiceProcess(String name, Class<?> mainClass, int port, List<String> jvmOptions, List<String> args, Path log) {
        super(name, ChildJvm.onTestClassPath(jvmOptions, mainClass.getName(), withPort(port, args)), Map.of(), log);
        this.port = port;
    }

    private static List<String> withPort(int port, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add("--server.port=" + port);
        all.addAll(args);
        return all;
    }

    /** Waits until {@code /actuator/health} says UP; fails at once if the process exits meanwhile. */
    void awaitHealthy(Duration atMost) {
        await(name() + " healthy").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertAlive("before it was healthy");
                    return "UP".equals(healthStatus());
                });
    }

    /** The status of {@code /actuator/health} (UP, DOWN, ...). */
    String healthStatus() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        return body.path("status").asString("UNKNOWN");
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
