package nl.kamerqa.localstack.faults;

import nl.kamerqa.localstack.RestartableInfrastructure;
import nl.kamerqa.localstack.StandaloneMongo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The MongoDB-wire server as a child JVM ({@link StandaloneMongo}): {@link #stop()} closes the store (SIGTERM),
 * {@link #kill()} is a SIGKILL; either way {@link #start()} brings it back on the same port and file.
 */
final class MongoProcess extends ChildJvm implements RestartableInfrastructure.RestartableMongo {

    private static final List<String> JVM = List.of("-Xmx512m");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final int port;

    MongoProcess(Path file, int port, Path log) {
        super("mongo-wire-server", ChildJvm.onTestClassPath(JVM, StandaloneMongo.class.getName(),
                List.of(file.toAbsolutePath().toString(), String.valueOf(port))), Map.of(), log);
        this.port = port;
    }

    /** Starts the process and waits until it listens (after a kill: once H2 has opened its file again). */
    @Override
    public void start() throws IOException {
        super.start();
        await(name() + " started").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertAlive("before the MongoDB-wire server had started");
            return outputOfThisStart().contains(StandaloneMongo.STARTED);
        });
    }

    @Override
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }
}
