package nl.kamerqa.parsing;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a delivery's work (its parse, its log lines, its event's send) inside the trace its raw record came with, so
 * the trace of an upload goes on through the parser; the Kafka side is {@code messaging.RawRecordTraces}.
 */
public interface DeliveryTraces {

    /** No tracing: the work runs as is (a delivery that did not come from Kafka, unit tests). */
    DeliveryTraces NONE = new DeliveryTraces() {
        @Override
        public <T> T within(Origin origin, Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T withinAll(String name, List<Origin> origins, Supplier<T> work) {
            return work.get();
        }
    };

    /** {@code work} inside the trace of the record read at {@code origin}; as is when that record has none. */
    <T> T within(Origin origin, Supplier<T> work);

    /**
     * {@code work} done once for several deliveries (one bulk write of their results) in their traces: in the one
     * trace when there is one, otherwise in a span {@code name} that links to each of them.
     */
    <T> T withinAll(String name, List<Origin> origins, Supplier<T> work);

    /** The origin of a stored result: where its raw record was read (the document's provenance). */
    static Origin origin(StoredResult result) {
        var provenance = result.document().provenance();
        return provenance == null ? null
                : new Origin(provenance.topic(), provenance.partition(), provenance.offset());
    }
}
