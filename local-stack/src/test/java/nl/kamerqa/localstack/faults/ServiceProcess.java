package nl.kamerqa.localstack.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One kamerqa service as a child JVM ({@code java -cp <the test class path> <main class> --server.port=...}), so it
 * can be killed with SIGKILL and started again like a real deployment; its output is appended to a log file.
 */
final class ServiceProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String mainClass;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> args;
    private final Path log;
    private Process process;
    private Thread killOnExit;
    private int starts;

    ServiceProcess(String name, Class<?> mainClass, int port, List<String> jvmOptions, List<String> args, Path log) {
        this.name = name;
        this.mainClass = mainClass.getName();
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.args = List.copyOf(args);
        this.log = log;
    }

    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.add("--server.port=" + port);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "%n==== faults harness: start #%d of %s at %s%n".formatted(starts, name, Instant.now()),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // a crashed or interrupted test run must not leave services behind
        Process started = process;
        killOnExit = new Thread(started::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Surefire puts the real class path in this property and only a manifest jar in java.class.path. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Waits until {@code /actuator/health} says UP; fails at once if the process exits meanwhile. */
    void awaitHealthy(Duration atMost) {
        await(name + " healthy").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue()
                                + " before it was healthy; see " + log.toAbsolutePath() + ":\n" + tail(40));
                    }
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

    /** SIGKILL: no shutdown hooks, no graceful Kafka leave, no offset commit on close. */
    void kill() throws InterruptedException {
        Process p = process;
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + p.pid() + ") did not die within 30 s of SIGKILL");
        }
        forgetShutdownHook();
    }

    /** SIGTERM, then SIGKILL if it has not stopped after 30 s. */
    void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        forgetShutdownHook();
    }

    private void forgetShutdownHook() {
        if (killOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook runs and finds the process gone
            }
            killOnExit = null;
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int starts() {
        return starts;
    }

    String name() {
        return name;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return log;
    }

    /** The last lines of the log, for failure messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many lines of the log contain {@code text} (evidence of what a service went through, not asserted). */
    long logLinesContaining(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
