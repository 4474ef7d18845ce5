package nl.kamerqa.support;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Continues the trace a consumed record carries in its {@code traceparent} header, for code that reads records
 * outside spring-kafka's record-listener observation (a batch listener, a plain consumer loop): the observation it
 * starts is a child of that trace, so log lines and sends inside its scope carry the record's trace id.
 */
public final class KafkaRecordTraces {

    private KafkaRecordTraces() {
    }

    /** A started observation of one consumed record; stop it when its work is done. */
    public static Observation start(ConsumerRecord<?, ?> record, String name, ObservationRegistry registry) {
        ReceiverContext<Headers> context = new ReceiverContext<>(KafkaRecordTraces::header, Kind.CONSUMER);
        context.setCarrier(record.headers());
        context.setRemoteServiceName("Apache Kafka");
        return Observation.createNotStarted(name, () -> context, registry)
                .contextualName(record.topic() + " process")
                .lowCardinalityKeyValue("messaging.destination.name", record.topic())
                .start();
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
