package nl.kamerqa.support;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

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
        return of(record, name, registry).start();
    }

    /** The observation of one consumed record, not started: for {@link Observation#observe(Runnable)}. */
    public static Observation of(ConsumerRecord<?, ?> record, String name, ObservationRegistry registry) {
        ReceiverContext<Headers> context = new ReceiverContext<>(KafkaRecordTraces::header, Kind.CONSUMER);
        context.setCarrier(record.headers());
        context.setRemoteServiceName("Apache Kafka");
        return Observation.createNotStarted(name, () -> context, registry)
                .contextualName(record.topic() + " process")
                .lowCardinalityKeyValue("messaging.destination.name", record.topic());
    }

    /**
     * {@code work} done once for several records (one bulk write of a batch) in their traces. A span has one parent,
     * so a write that serves several traces cannot be a child in each: for one record it runs inside that record's
     * observation, for several inside a span {@code name} of its own that links to each record's span (OpenTelemetry's
     * span links, its model of batch work; the SDK keeps the first 128). Spans started inside (MongoDB's commands)
     * are its children either way.
     *
     * @param records the started observations of the records, none twice
     */
    public static <T> T withinAll(List<Observation> records, String name, Tracer tracer, Supplier<T> work) {
        if (records.size() <= 1) {
            return records.isEmpty() ? work.get() : within(records.get(0), work);
        }
        Span.Builder builder = tracer.spanBuilder().name(name).setNoParent();
        for (Observation record : records) {
            Span span = within(record, tracer::currentSpan);
            if (span != null) {
                builder.addLink(new Link(span));
            }
        }
        Span batch = builder.start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(batch)) {
            return work.get();
        } catch (RuntimeException e) {
            batch.error(e);
            throw e;
        } finally {
            batch.end();
        }
    }

    private static <T> T within(Observation observation, Supplier<T> work) {
        try (Observation.Scope ignored = observation.openScope()) {
            return work.get();
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
