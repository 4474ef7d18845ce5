package nl.kamerqa.localstack.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 1: the Kafka broker is shut down while 200 documents are being uploaded, and started again on the same port
 * and log directory. ingest-service answers 503 with Retry-After meanwhile; the client retries.
 */
@Tag("faults")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class BrokerRestartFaultTest {

    @Test
    void brokerRestartWhileIngestingLosesNoDocumentAndStoresNoneTwice() throws Exception {
        try (FaultStack stack = FaultStack.start("broker-restart");
             Observer observer = new Observer(stack);
             GoodBatch batch = new GoodBatch(stack, observer, ReportDocuments.reports(1, 200), 2)) {
            Map<String, Long> pids = stack.pids();
            batch.start();
            await("50 uploads accepted").atMost(Duration.ofMinutes(3)).until(() -> batch.uploader.accepted.get() >= 50);

            int acceptedAtStop = batch.uploader.accepted.get();
            long storedAtStop = batch.storedSoFar();
            Instant stopped = Instant.now();
            stack.broker.stop();
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
