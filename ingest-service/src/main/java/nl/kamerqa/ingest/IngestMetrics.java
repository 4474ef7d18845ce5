package nl.kamerqa.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Counts documents by source and outcome: {@code kamerqa_ingest_documents_total{source,outcome}} in Prometheus. */
@Component
public class IngestMetrics {

    public static final String DOCUMENTS = "kamerqa.ingest.documents";

    public enum Outcome {
        /** published now */
        ACCEPTED,
        /** seen before, not published again */
        DUPLICATE,
        /** refused for its content or size (4xx) */
        REJECTED,
        /** broker or store unavailable (503); the source may retry */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        // register the upload series up front so dashboards show zeros instead of gaps
        for (Outcome outcome : Outcome.values()) {
            counter("upload", outcome);
        }
    }

    /** Shows a source's series as zeros before its first document (feeds register when enabled). */
    public void register(String source) {
        for (Outcome outcome : Outcome.values()) {
            counter(source, outcome);
        }
    }

    public void count(String source, Outcome outcome) {
        counter(source, outcome).increment();
    }

    private Counter counter(String source, Outcome outcome) {
        return Counter.builder(DOCUMENTS)
                .description("Documents offered to ingest-service, by source and outcome")
                .tag("source", source)
                .tag("outcome", outcome.tag())
                .register(registry);
    }
}
