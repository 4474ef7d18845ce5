package nl.kamerqa.parsing.config;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcernResult;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.WriteConcernError;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parsing.InvalidRawDocumentException;
import nl.kamerqa.parsing.ParserFailedException;
import nl.kamerqa.parsing.ParserMetrics.DeliveryFailure;
import nl.kamerqa.parsing.PublishFailedException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures wait out an outage, which get bounded retries, and which are dead-lettered at once. */
class RetryPolicyTest {

    private static final ServerAddress SERVER = new ServerAddress("mongo", 27017);

    @Test
    void mongoDbUnreachableOrNotReadyIsInfrastructure() {
        BsonDocument notPrimary = serverError(10107, "NotWritablePrimary");
        assertThat(List.of(
                new MongoTimeoutException("no server within 30000 ms"),
                new MongoSocketOpenException("connection refused", SERVER),
                new MongoSocketReadException("prematurely reached end of stream", SERVER),
                new MongoNotPrimaryException(notPrimary, SERVER),
                new MongoNodeIsRecoveringException(serverError(91, "ShutdownInProgress"), SERVER),
                new MongoCommandException(serverError(2, "BadValue"), SERVER),
                new MongoWriteConcernException(new WriteConcernError(64, "WriteConcernFailed", "timeout", new BsonDocument()),
                        WriteConcernResult.unacknowledged(), SERVER, java.util.Set.of())))
                .allSatisfy(e -> assertThat(RetryPolicy.classify(e)).as(e.getClass().getSimpleName())
                        .isEqualTo(DeliveryFailure.INFRASTRUCTURE));
    }

    @Test
    void kafkaUnreachableOrUnacknowledgedIsInfrastructure() {
        assertThat(List.<Throwable>of(
                new TimeoutException("Topic not present in metadata after 60000 ms"),
                new NotLeaderOrFollowerException("leader moved"),
                new PublishFailedException("no ack within 30s", new java.util.concurrent.TimeoutException()),
                new PublishFailedException("publishing failed", new TimeoutException("expired"))))
                .allSatisfy(e -> assertThat(RetryPolicy.classify(e)).isEqualTo(DeliveryFailure.INFRASTRUCTURE));
    }

    @Test
    void infrastructureFailureWrappedByTheListenerContainerIsStillInfrastructure() {
        Exception wrapped = new ListenerExecutionFailedException("listener failed",
                new MongoTimeoutException("no server"));
        assertThat(RetryPolicy.classify(wrapped)).isEqualTo(DeliveryFailure.INFRASTRUCTURE);
    }

    @Test
    void errorsAboutTheDataItselfGetBoundedRetriesNotAnEndlessWait() {
        MongoWriteException duplicate = new MongoWriteException(
                new WriteError(11000, "E11000 duplicate key", new BsonDocument()), SERVER, java.util.Set.of());
        MongoBulkWriteException bulk = new MongoBulkWriteException(null,
                List.of(new BulkWriteError(10334, "BSONObjectTooLarge", new BsonDocument(), 0)), null, SERVER,
                java.util.Set.of());
        assertThat(List.<Throwable>of(
                duplicate,
                bulk,
                new BsonMaximumSizeExceededException("document is larger than 16793600"),
                new PublishFailedException("publishing failed", new RecordTooLargeException("1.2 MB")),
                new IllegalStateException("a bug outside the parser")))
                .allSatisfy(e -> assertThat(RetryPolicy.classify(e)).as(e.toString()).isEqualTo(DeliveryFailure.OTHER));
    }

    @Test
    void inputThatCannotSucceedIsPermanent() {
        assertThat(List.<Throwable>of(
                new DeserializationException("not JSON", new byte[]{1}, false, null),
                new UnsupportedDocumentException("encrypted PDF"),
                new InvalidRawDocumentException("content does not match contentSha256"),
                new ParserFailedException("parser bug", new NullPointerException()),
                new ListenerExecutionFailedException("listener failed", new UnsupportedDocumentException("noise"))))
                .allSatisfy(e -> assertThat(RetryPolicy.classify(e)).isEqualTo(DeliveryFailure.PERMANENT));
    }

    @Test
    void infrastructureBackOffNeverGivesUpAndStaysWithinItsCap() {
        BackOff backOff = KafkaConfig.infrastructureBackOff(new ParserProperties.InfrastructureRetry(
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), Duration.ofMillis(250)));
        BackOffExecution execution = backOff.start();
        for (int attempt = 1; attempt <= 100_000; attempt++) {
            long interval = execution.nextBackOff();
            assertThat(interval).as("attempt %d", attempt).isNotEqualTo(BackOffExecution.STOP).isBetween(1_000L, 30_000L);
        }
    }

    @Test
    void infrastructureBackOffIsJitteredSoInstancesDoNotRetryInLockStep() {
        BackOff backOff = KafkaConfig.infrastructureBackOff(new ParserProperties.InfrastructureRetry(
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), Duration.ofMillis(250)));
        long[] tenthIntervals = new long[20];
        for (int i = 0; i < tenthIntervals.length; i++) {
            BackOffExecution execution = backOff.start();
            for (int attempt = 1; attempt < 10; attempt++) {
                execution.nextBackOff();
            }
            tenthIntervals[i] = execution.nextBackOff();
        }
        assertThat(java.util.Arrays.stream(tenthIntervals).distinct().count()).isGreaterThan(1);
    }

    @Test
    void boundedBackOffStopsAfterItsAttempts() {
        BackOffExecution execution = KafkaConfig.backOff(new ParserProperties.RetrySettings(Duration.ofMillis(10), 2.0,
                Duration.ofMillis(100), 3, null)).start();
        assertThat(List.of(execution.nextBackOff(), execution.nextBackOff(), execution.nextBackOff()))
                .doesNotContain(BackOffExecution.STOP);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    private static BsonDocument serverError(int code, String name) {
        return new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("codeName", new BsonString(name)).append("errmsg", new BsonString(name));
    }
}
