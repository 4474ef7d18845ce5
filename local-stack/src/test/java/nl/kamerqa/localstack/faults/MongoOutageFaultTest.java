package nl.kamerqa.localstack.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 3: the MongoDB-wire server goes away for a while (12 s; 45 s in the second test; killed with SIGKILL as a
 * process of its own in the third) while documents flow, then comes back on the same port with the same data. parser-service must retry (or wait) and catch up; MongoDB being
 * down is transient, so nothing may be dead-lettered for it. ingest-service, which keeps its ledger there too,
 * answers 503 meanwhile.
 */
@Tag("faults")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class MongoOutageFaultTest {

    @Test
    void mongoOutageWhileDocumentsFlowIsRetriedAndNothingIsDeadLettered() throws Exception {
        outage("mongo-outage", Duration.ofSeconds(12), Map.of());
    }

    /**
     * The same with the parser's bounded retry budget cut to seconds (2 attempts, at most 1 s apart) and a MongoDB
     * driver that gives up after 2 s instead of 30 s, then MongoDB away for 45 s: if MongoDB trouble were retried
     * within that budget, records would reach the dead-letter topic within seconds. Infrastructure failures must be
     * retried without a limit instead.
     */
    @Test
    void mongoOutageFarLongerThanTheBoundedRetryBudgetDeadLettersNothing() throws Exception {
        outage("mongo-outage-long", Duration.ofSeconds(45), Map.of(
                "spring.mongodb.uri", FaultStack.MONGO + "/kamerqa?serverSelectionTimeoutMS=2000",
                "kamerqa.retry.max-attempts", "2",
                "kamerqa.retry.initial-interval", "500ms",
                "kamerqa.retry.max-interval", "1s"));
    }

    /**
     * The MongoDB-wire server, in a process of its own, killed with SIGKILL while documents flow (no close, no last
     * commit: what it had not committed is gone), then started again on the same file. Writes acknowledged with
     * {@code j: true} or {@code w: majority} were committed before their reply, so nothing acknowledged is lost; what
     * the kill took is written again by the retried deliveries.
     */
    @Test
    void mongoKilledWhileDocumentsFlowLosesNothingAndStoresNothingTwice() throws Exception {
        outage("mongo-kill", Duration.ofSeconds(12), FaultStack.MongoMode.CHILD_PROCESS, Map.of());
    }

    private static void outage(String scenario, Duration atLeast, Map<String, String> parserSettings) throws Exception {
        outage(scenario, atLeast, FaultStack.MongoMode.IN_PROCESS, parserSettings);
    }

    private static void outage(String scenario, Duration atLeast, FaultStack.MongoMode mode,
                               Map<String, String> parserSettings) throws Exception {
        // uploads without the per-client rate limit, so they outrun the parser and there is a backlog to find: behind
        // the limit (2 a second after a burst of 60) the batch listener keeps up and the backlog of 10 may never show
        Map<String, String> unthrottled = Map.of("kamerqa.security.upload-rate.requests-per-minute", "0");
        try (FaultStack stack = FaultStack.start(scenario, FaultStack.BrokerMode.IN_PROCESS, mode, unthrottled,
                parserSettings);
             Observer observer = new Observer(stack);
             GoodBatch batch = new GoodBatch(stack, observer, ReportDocuments.reports(1, 200), 4)) {
            Map<String, Long> pids = stack.pids();
            batch.start();
            // MongoDB goes down once the parser is busy and has a backlog of at least 10 raw documents
            await("20 documents stored and 10 more waiting").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        long stored = batch.storedSoFar();
                        return stored >= 20 && batch.uploader.accepted.get() - stored >= 10;
                    });

            long storedAtStop = batch.storedSoFar();
            int acceptedAtStop = batch.uploader.accepted.get();
            Instant stopped = Instant.now();
            if (mode == FaultStack.MongoMode.CHILD_PROCESS) {
                stack.mongoProcess().kill();
            } else {
                stack.mongo.stop();
            }
            Duration stopTook = Duration.between(stopped, Instant.now());
            int unavailableBefore = batch.uploader.unavailableAnswers.get();
            // what the services say while MongoDB is away (asked alongside, so the outage is not lengthened by it)
            CompletableFuture<Map<String, String>> healthWhileDown = CompletableFuture.supplyAsync(stack::health);
            // the outage lasts at least as long as asked and until ingest-service has felt it (503) at least once
            await("ingest-service answers 503 while MongoDB is down").pollDelay(atLeast)
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> batch.uploader.unavailableAnswers.get() > unavailableBefore);
            stack.mongo.start();
            Duration down = Duration.between(stopped, Instant.now());
            System.out.printf("faults: %s: MongoDB stopped in %d ms, down for %d ms%n", scenario, stopTook.toMillis(),
                    down.toMillis());

            batch.awaitOutcome(Duration.ofMinutes(6));
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("stored-before-stop", storedAtStop);
            more.put("backlog-at-stop", acceptedAtStop - storedAtStop);
            more.put("mongo-down-s", down.toSeconds());
            Map<String, String> health = healthWhileDown.get(2, TimeUnit.MINUTES);
            more.put("health-while-down", String.join("/", health.values()));
            // evidence only (log formats change): delivery attempts the parser logged as retrying
            more.put("parser-retries-logged", stack.parser.logLinesContaining("stage=retrying"));
            Figures figures = batch.figures(more).report();

            assertThat(acceptedAtStop - storedAtStop).as("raw documents waiting for the parser when MongoDB went down")
                    .isPositive();
            batch.assertNothingLostNothingTwice(figures);
            assertThat(stack.pids()).as("no service restarted").isEqualTo(pids);
            assertThat(stack.health()).as("health after MongoDB came back").allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("UP"));
        }
    }
}
