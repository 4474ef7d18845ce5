package nl.kamerqa.localstack.faults;

import nl.kamerqa.localstack.RestartableInfrastructure;
import nl.kamerqa.localstack.StandaloneBroker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The KRaft broker as a child JVM ({@link StandaloneBroker}): {@link #stop()} is a controlled shutdown (SIGTERM),
 * {@link #kill()} a SIGKILL; either way {@link #start()} brings it back on the same ports and log directory.
 */
final class BrokerProcess extends ChildJvm implements RestartableInfrastructure.RestartableBroker {

    private static final List<String> JVM = List.of("-Xmx512m");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final int port;

    BrokerProcess(Path logDir, int port, int controllerPort, Path log) {
        super("kafka-broker", ChildJvm.onTestClassPath(JVM, StandaloneBroker.class.getName(),
                List.of(logDir.toAbsolutePath().toString(), String.valueOf(port), String.valueOf(controllerPort))),
                Map.of(), log);
        this.port = port;
    }

    /** Starts the process and waits until the broker says it serves (after a kill: once log recovery is done). */
    @Override
    public void start() throws IOException {
        super.start();
        await(name() + " started").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertAlive("before the broker had started");
            return outputOfThisStart().contains(StandaloneBroker.STARTED);
        });
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }
}
