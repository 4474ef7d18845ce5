package nl.kamerqa.localstack.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away while 200 documents are being uploaded by two client threads, and comes back on the same port
 * and log directory; how it goes away is the scenario's ({@link BrokerRestartFaultTest}: controlled shutdown,
 * {@link BrokerKillFaultTest}: SIGKILL). ingest-service answers 503 with Retry-After meanwhile; the client retries.
 */
final class BrokerOutage {

    /** Takes the broker down; it is started again by the scenario. */
    interface TakeDown {
        void apply(FaultStack stack) throws Exception;
    }

    private BrokerOutage() {
    }

    /** Runs the scenario, prints its figures line and asserts nothing was lost or stored twice. */
    static void run(String scenario, FaultStack.BrokerMode brokerMode, TakeDown takeDown) throws Exception {
        try (FaultStack stack = FaultStack.start(scenario, brokerMode, Map.of());
             Observer observer = new Observer(stack);
             GoodBatch batch = new GoodBatch(stack, observer, ReportDocuments.reports(1, 200), 2)) {
            Map<String, Long> pids = stack.pids();
            batch.start();
            await("50 uploads accepted").atMost(Duration.ofMinutes(3)).until(() -> batch.uploader.accepted.get() >= 50);

            int acceptedAtStop = batch.uploader.accepted.get();
            long storedAtStop = batch.storedSoFar();
            Instant stopped = Instant.now();
            takeDown.apply(stack);
            int unavailableBefore = batch.uploader.unavailableAnswers.get();
            // the outage lasts at least 10 s and until ingest-service has answered 503 at least once
            await("ingest-service answers 503 while the broker is down").pollDelay(Duration.ofSeconds(10))
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> batch.uploader.unavailableAnswers.get() > unavailableBefore);
            int finishedWhileDown = batch.uploader.finished.get();
            stack.broker.start();
            Duration down = Duration.between(stopped, Instant.now());

            batch.awaitOutcome(Duration.ofMinutes(5));
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("accepted-before-stop", acceptedAtStop);
            more.put("stored-before-stop", storedAtStop);
            more.put("answered-before-restart", finishedWhileDown);
            more.put("broker-down-s", down.toSeconds());
            Figures figures = batch.figures(more).report();

            assertThat(acceptedAtStop).as("the broker went down in the middle of the batch").isLessThan(200);
            assertThat(finishedWhileDown).as("uploads still to come when the broker came back").isLessThan(200);
            batch.assertNothingLostNothingTwice(figures);
            assertThat(stack.pids()).as("no service restarted").isEqualTo(pids);
            assertThat(stack.health()).as("health after the restart").allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("UP"));
        }
    }
}
