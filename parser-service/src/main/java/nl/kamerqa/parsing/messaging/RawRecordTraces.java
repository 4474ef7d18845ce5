package nl.kamerqa.parsing.messaging;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import nl.kamerqa.parsing.DeliveryTraces;
import nl.kamerqa.parsing.Origin;
import nl.kamerqa.support.KafkaRecordTraces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Continues each raw record's trace through a batch. spring-kafka observes record listeners only, and
 * {@link RawDocumentListener} is a batch listener: so for every record of a poll an observation is started here as a
 * child of the trace in that record's {@code traceparent} header, kept per origin (topic, partition, offset) on the
 * consumer thread, and entered around the record's log lines, its parse and its parsed event's send, so the parsed
 * record's {@code traceparent} (written by the KafkaTemplate's observation) carries the raw record's trace id.
 *
 * <p>A batch's results are stored with one bulk write, which can be the child of one trace only: for one document it
 * runs in that document's observation, for several in a span of its own linked to each document's span
 * ({@link KafkaRecordTraces#withinAll}), so its MongoDB spans do not hang under one arbitrary document.
 */
@Component
public class RawRecordTraces implements DeliveryTraces {

    private final ObservationRegistry registry;
    private final Tracer tracer;
    private final ThreadLocal<Map<Origin, Observation>> open = ThreadLocal.withInitial(HashMap::new);

    public RawRecordTraces(ObservationRegistry registry, ObjectProvider<Tracer> tracer) {
        this.registry = registry;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    /** Starts the observation of one consumed record. */
    public void start(ConsumerRecord<String, ?> record) {
        Observation observation = KafkaRecordTraces.start(record, "kamerqa.parser.document", registry);
        Observation previous = open.get().put(origin(record), observation);
        if (previous != null) {
            previous.stop();
        }
    }

    @Override
    public <T> T within(Origin origin, Supplier<T> work) {
        Observation observation = origin == null ? null : open.get().get(origin);
        if (observation == null) {
            return work.get();
        }
        try (Observation.Scope ignored = observation.openScope()) {
            return work.get();
        }
    }

    @Override
    public <T> T withinAll(String name, List<Origin> origins, Supplier<T> work) {
        List<Observation> traced = origins.stream().filter(Objects::nonNull).distinct()
                .map(open.get()::get).filter(Objects::nonNull).toList();
        return KafkaRecordTraces.withinAll(traced, name, tracer, work);
    }

    /** Ends every observation this thread started (after the batch, whatever its outcome). */
    public void stopAll() {
        open.get().values().forEach(Observation::stop);
        open.remove();
    }

    static Origin origin(ConsumerRecord<?, ?> record) {
        return new Origin(record.topic(), record.partition(), record.offset());
    }
}
