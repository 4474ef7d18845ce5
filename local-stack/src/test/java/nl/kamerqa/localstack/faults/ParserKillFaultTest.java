package nl.kamerqa.localstack.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 2: parser-service is killed with SIGKILL (no shutdown, no offset commit, no group leave) while it works
 * through a batch of 200 documents, then started again; twice, early and late in the batch. Redelivered records may
 * be published to the parsed topic again, but only as the same event (same ce_id).
 */
@Tag("faults")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ParserKillFaultTest {

    /** Kill the parser once this many documents are stored: early in the batch, and when most are in. */
    private static final List<Integer> KILL_WHEN_STORED = List.of(40, 120);

    @Test
    void parserKilledInTheMiddleOfABatchLosesNoDocumentAndStoresNoneTwice() throws Exception {
        try (FaultStack stack = FaultStack.start("parser-kill");
             Observer observer = new Observer(stack);
             GoodBatch batch = new GoodBatch(stack, observer, ReportDocuments.reports(1, 200), 2)) {
            batch.start();
            List<Long> storedAtKill = new ArrayList<>();
            List<Integer> acceptedAtKill = new ArrayList<>();
            List<Long> storedAtRestart = new ArrayList<>();
            List<Long> pids = new ArrayList<>(List.of(stack.parser.pid()));
            for (int threshold : KILL_WHEN_STORED) {
                await(threshold + " documents stored").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .ignoreExceptions().until(() -> batch.storedSoFar() >= threshold);
                stack.parser.kill();
                storedAtKill.add(batch.storedSoFar());
                acceptedAtKill.add(batch.uploader.accepted.get());
                stack.parser.start();
                pids.add(stack.parser.pid());
                stack.parser.awaitHealthy(FaultStack.START_TIMEOUT);
                storedAtRestart.add(batch.storedSoFar());
            }

            batch.awaitOutcome(Duration.ofMinutes(6));
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("stored-at-kill", join(storedAtKill));
            more.put("accepted-at-kill", join(acceptedAtKill));
            more.put("stored-when-restarted", join(storedAtRestart));
            more.put("parser-starts", stack.parser.starts());
            Figures figures = batch.figures(more).report();

            assertThat(storedAtKill).as("the parser was killed in the middle of the batch each time")
                    .allMatch(stored -> stored < 200);
            assertThat(pids).as("a new parser process after each kill").doesNotHaveDuplicates();
            batch.assertNothingLostNothingTwice(figures);
            assertThat(stack.health()).as("health at the end").allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("UP"));
        }
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    }
}
