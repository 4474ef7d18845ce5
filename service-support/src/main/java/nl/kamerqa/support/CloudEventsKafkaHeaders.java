package nl.kamerqa.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import nl.kamerqa.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Every kamerqa event as a CloudEvent in the Kafka binding's binary mode, written and read by the CloudEvents SDK
 * ({@code io.cloudevents:cloudevents-kafka}), the same set from every publisher: {@code ce_id}, {@code ce_type},
 * {@code ce_source}, {@code ce_specversion}, {@code ce_time}, {@code ce_subject} (the documentId) and
 * {@code content-type: application/json}. The record's value stays the JSON the publisher's serializer writes (the
 * event's data in binary mode), so consumers that ignore the headers read it as before.
 */
public final class CloudEventsKafkaHeaders {

    /** The {@code datacontenttype} of every event: the value is the record's JSON. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private CloudEventsKafkaHeaders() {
    }

    /**
     * The event's attributes without data (the data is the record value the publisher serialises).
     *
     * @param time RFC 3339 time of the occurrence (when the document was received, or parsed)
     */
    public static CloudEvent event(String id, String type, String source, String subject, String time) {
        return CloudEventBuilder.v1()
                .withId(required(CloudEventHeaders.ID, id))
                .withType(required(CloudEventHeaders.TYPE, type))
                .withSource(URI.create(required(CloudEventHeaders.SOURCE, source)))
                .withTime(OffsetDateTime.parse(required(CloudEventHeaders.TIME, time)))
                .withSubject(required(CloudEventHeaders.SUBJECT, subject))
                .withDataContentType(DATA_CONTENT_TYPE)
                .build();
    }

    /**
     * A record for {@code topic} with the binary-mode headers the SDK's Kafka binding writes for {@code event}, and
     * {@code key} and {@code value} as given: the value is left to the producer's serializer, so its bytes are what
     * they were before the headers came from the SDK.
     */
    public static <V> ProducerRecord<String, V> record(String topic, String key, V value, CloudEvent event) {
        ProducerRecord<String, byte[]> binary = KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
        return new ProducerRecord<>(topic, null, key, value, binary.headers());
    }

    /**
     * The CloudEvent a consumed record carries, read by the SDK (binary or structured mode), its data the record
     * value; empty if the record is not a CloudEvent (no {@code ce_specversion}, or attributes the spec refuses).
     */
    public static Optional<CloudEvent> read(ConsumerRecord<?, byte[]> record) {
        try {
            MessageReader reader = KafkaMessageFactory.createReader(record.headers(), record.value());
            return Optional.of(reader.toEvent());
        } catch (CloudEventRWException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String required(String header, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("CloudEvents header " + header + " must not be empty");
        }
        return value;
    }
}
