package nl.kamerqa.localstack.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 2: parser-service is killed with SIGKILL (no shutdown, no offset commit, no group leave) while it works
 * through a batch of 200 documents, then started again. Redelivered records may be published to the parsed topic
 * again, but only as the same event (same ce_id).
 */
@Tag("faults")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ParserKillFaultTest {

    @Test
    void parserKilledInTheMiddleOfABatchLosesNoDocumentAndStoresNoneTwice() throws Exception {
        try (FaultStack stack = FaultStack.start("parser-kill");
             Observer observer = new Observer(stack);
             GoodBatch batch = new GoodBatch(stack, observer, ReportDocuments.reports(1, 200), 2)) {
            batch.start();
            await("40 documents stored").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> batch.storedSoFar() >= 40);

            long pidBefore = stack.parser.pid();
            stack.parser.kill();
            long storedAtKill = batch.storedSoFar();
            int acceptedAtKill = batch.uploader.accepted.get();
            stack.parser.start();
            stack.parser.awaitHealthy(FaultStack.START_TIMEOUT);
            long storedAtRestart = batch.storedSoFar();

            batch.awaitOutcome(Duration.ofMinutes(6));
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("stored-at-kill", storedAtKill);
            more.put("accepted-at-kill", acceptedAtKill);
            more.put("stored-when-restarted", storedAtRestart);
            more.put("parser-starts", stack.parser.starts());
            Figures figures = batch.figures(more).report();

            assertThat(storedAtKill).as("the parser was killed in the middle of the batch").isLessThan(200);
            assertThat(stack.parser.pid()).as("a new parser process").isNotEqualTo(pidBefore);
            batch.assertNothingLostNothingTwice(figures);
            assertThat(stack.health()).as("health at the end").allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("UP"));
        }
    }
}
