package nl.kamerqa.parsing.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The last resort for a dead letter the dead-letter topic refuses for its size (a topic created elsewhere with a
 * smaller {@code max.message.bytes}, or a record above the producer's {@code max.request.size}). Retrying would be
 * refused the same way forever and hold up the partition, so the entry is written without its value and with a
 * {@value #HEADER} header saying where the raw record still is; {@link KafkaDeadLetters} re-drives such an entry
 * from that raw record. It is retrievable for as long as the raw topic retains it.
 */
public final class OversizedDeadLetters {

    /** On a dead letter without its value: how large the value was and that it is on the original topic. */
    public static final String HEADER = "kamerqa_dlt_value_omitted";

    private OversizedDeadLetters() {
    }

    /** Whether Kafka refused the record because of its size, on the producer or on the broker. */
    public static boolean refusedForSize(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** The same record (topic, partition, offset, key, headers) with an empty value and the {@value #HEADER} header. */
    public static ConsumerRecord<Object, Object> withoutValue(ConsumerRecord<?, ?> record, Throwable refusal) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        String note = "value of " + record.serializedValueSize() + " bytes omitted, the dead-letter topic refused it ("
                + refusal.getClass().getSimpleName() + "); the raw record is " + record.topic() + "-"
                + record.partition() + "@" + record.offset();
        headers.add(HEADER, note.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<Object, Object>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), 0, record.key(), new byte[0], headers,
                Optional.empty());
    }
}
