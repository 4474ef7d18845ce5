package nl.kamerqa.parsing.config;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parsing.InvalidRawDocumentException;
import nl.kamerqa.parsing.ParserFailedException;
import nl.kamerqa.parsing.ParserMetrics.DeliveryFailure;
import nl.kamerqa.parsing.PublishFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.BSONException;
import org.springframework.kafka.support.serializer.DeserializationException;

import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Which failures are retried how. Three kinds:
 * <ul>
 * <li><b>permanent</b>: the input cannot succeed (not JSON, not a readable document, invalid event, parser bug):
 * dead-lettered at once;</li>
 * <li><b>infrastructure</b>: MongoDB or Kafka is unreachable or not ready (timeouts, sockets, not primary, node
 * recovering, any other MongoException that is not a write error on the data, Kafka errors other than
 * record-size/serialisation ones, a parsed event the broker did not acknowledge): retried without a limit;</li>
 * <li><b>other</b>: e.g. a MongoDB write error on the data or a parsed event too large for the broker: bounded
 * retries, then dead-lettered.</li>
 * </ul>
 */
public final class RetryPolicy {

    /** Not retryable: handed to the dead-letter topic on the first failure. */
    static final List<Class<? extends Exception>> PERMANENT = List.of(
            DeserializationException.class,
            UnsupportedDocumentException.class,
            InvalidRawDocumentException.class,
            IllegalArgumentException.class,
            ParserFailedException.class);

    private RetryPolicy() {
    }

    public static DeliveryFailure classify(Throwable failure) {
        if (isPermanent(failure)) {
            return DeliveryFailure.PERMANENT;
        }
        return isInfrastructure(failure) ? DeliveryFailure.INFRASTRUCTURE : DeliveryFailure.OTHER;
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            for (Class<? extends Exception> type : PERMANENT) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Walks the cause chain: an error about the data anywhere in it makes the failure a data error (a publish that
     * failed because the event is too large is not an outage); otherwise a MongoDB or Kafka failure, or our own
     * {@link PublishFailedException} (no ack in time), is infrastructure.
     */
    static boolean isInfrastructure(Throwable failure) {
        boolean infrastructure = false;
        for (Throwable t = failure; t != null; t = next(t)) {
            if (isDataError(t)) {
                return false;
            }
            if (t instanceof MongoException || t instanceof KafkaException || t instanceof PublishFailedException
                    || t instanceof TimeoutException) {
                infrastructure = true;
            }
        }
        return infrastructure;
    }

    private static boolean isDataError(Throwable t) {
        return t instanceof MongoWriteException
                || t instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                || t instanceof BSONException
                || t instanceof RecordTooLargeException
                || t instanceof RecordBatchTooLargeException
                || t instanceof InvalidRecordException
                || t instanceof SerializationException;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
