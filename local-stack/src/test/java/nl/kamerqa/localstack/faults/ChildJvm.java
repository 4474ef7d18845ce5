package nl.kamerqa.localstack.faults;

import nl.kamerqa.localstack.ChildJvmOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by the harness as a direct child (no shell in between, so SIGKILL reaches the JVM itself), its output
 * appended to a log file; it can be killed with SIGKILL, stopped with SIGTERM and started again with the same
 * command.
 */
class ChildJvm implements AutoCloseable {

    static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private Thread killOnExit;
    private long logOffsetAtStart;
    private int starts;

    ChildJvm(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** {@code java <jvmOptions> -cp <the test class path> <mainClass> <args>}. */
    static List<String> onTestClassPath(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(ChildJvmOptions.fromTheBuild());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(testClassPath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire puts the real class path in this property and only a manifest jar in java.class.path. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        starts++;
        Files.createDirectories(log.getParent());
        Files.writeString(log, "%n==== faults harness: start #%d of %s at %s%n".formatted(starts, name, Instant.now()),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        logOffsetAtStart = Files.size(log);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        // a crashed or interrupted test run must not leave processes behind
        Process started = process;
        killOnExit = new Thread(started::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** SIGKILL: no shutdown hooks, nothing flushed or committed on the way out. */
    void kill() throws InterruptedException {
        Process p = process;
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + p.pid() + ") did not die within 30 s of SIGKILL");
        }
        forgetShutdownHook();
    }

    /** SIGTERM, then SIGKILL if it has not stopped after {@link #DEFAULT_STOP_GRACE}. */
    public void stop() {
        stop(DEFAULT_STOP_GRACE);
    }

    /** SIGTERM, then SIGKILL if it has not stopped within {@code grace}; true when it stopped by itself. */
    boolean stop(Duration grace) {
        Process p = process;
        if (p == null) {
            return true;
        }
        p.destroy();
        boolean stoppedByItself = false;
        try {
            stoppedByItself = p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!stoppedByItself) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        forgetShutdownHook();
        return stoppedByItself;
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

    /** Fails when the process has exited, with its exit value and the end of its log. */
    void assertAlive(String when) {
        if (!isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + " " + when + "; see "
                    + log.toAbsolutePath() + ":\n" + tail(40));
        }
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

    Path log() {
        return log;
    }

    /** What the process wrote since its last start (the log file is shared by every start). */
    String outputOfThisStart() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logOffsetAtStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** How many lines of the log contain {@code text} (evidence of what a process went through, not asserted). */
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

    @Override
    public String toString() {
        return name;
    }
}
