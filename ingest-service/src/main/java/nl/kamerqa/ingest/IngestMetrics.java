package nl.kamerqa.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Documents in Prometheus, by source (upload, folder, syncfeed, odata, sru):
 * <ul>
 *   <li>{@code kamerqa_ingest_documents_received_total{source}}: every document offered, including those refused
 *       at the HTTP layer (no API key, rate limit, over the size limit) before the intake saw them;</li>
 *   <li>{@code kamerqa_ingest_documents_total{source,outcome,reason}}: what became of each of them, so the sum over
 *       outcomes equals received. {@code outcome="accepted"} is published (the broker acknowledged it),
 *       {@code duplicate} was published before, {@code rejected} was refused for a {@code reason} (4xx), and
 *       {@code failed} could not be taken in now (broker or store away, 503). {@code reason} is {@code none} for
 *       every outcome but rejected.</li>
 * </ul>
 */
@Component
public class IngestMetrics {

    public static final String DOCUMENTS = "kamerqa.ingest.documents";
    public static final String RECEIVED = "kamerqa.ingest.documents.received";

    private static final Logger log = LoggerFactory.getLogger(IngestMetrics.class);

    public enum Outcome {
        /** published now: the broker acknowledged the record */
        ACCEPTED,
        /** seen before, not published again */
        DUPLICATE,
        /** refused for its content, size, or the client (4xx) */
        REJECTED,
        /** broker or store unavailable (503); the source may retry */
        FAILED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a document was rejected; a closed set, so dashboards and alerts can rely on the values. */
    public enum Reason {
        /** not a rejection */
        NONE,
        EMPTY,
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        INVALID_METADATA,
        /** no or a wrong API key, or writes are disabled */
        UNAUTHORIZED,
        /** the client sent more uploads than kamerqa.security.upload-rate allows */
        RATE_LIMITED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reason of(DocumentRejectedException.Reason reason) {
            return switch (reason) {
                case EMPTY -> EMPTY;
                case TOO_LARGE -> TOO_LARGE;
                case UNSUPPORTED -> UNSUPPORTED_TYPE;
                case INVALID -> INVALID_METADATA;
            };
        }
    }

    /** What any source can be refused for; the HTTP-only reasons are registered for uploads alone. */
    private static final Set<Reason> CONTENT_REASONS =
            EnumSet.of(Reason.EMPTY, Reason.TOO_LARGE, Reason.UNSUPPORTED_TYPE, Reason.INVALID_METADATA);

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        // register the upload series up front so dashboards show zeros instead of gaps
        register("upload", EnumSet.range(Reason.EMPTY, Reason.RATE_LIMITED));
    }

    /** Shows a source's series as zeros before its first document (feeds register when enabled). */
    public void register(String source) {
        register(source, CONTENT_REASONS);
    }

    private void register(String source, Set<Reason> reasons) {
        receivedCounter(source);
        for (Outcome outcome : Outcome.values()) {
            if (outcome == Outcome.REJECTED) {
                reasons.forEach(reason -> counter(source, outcome, reason));
            } else {
                counter(source, outcome, Reason.NONE);
            }
        }
    }

    /** A document reached the intake (or was refused on its way there, see {@link #refusedBeforeIntake}). */
    public void received(String source) {
        receivedCounter(source).increment();
    }

    /** Accepted, duplicate or failed. */
    public void count(String source, Outcome outcome) {
        if (outcome == Outcome.REJECTED) {
            throw new IllegalArgumentException("a rejection needs a reason: use rejected(source, reason)");
        }
        counter(source, outcome, Reason.NONE).increment();
    }

    public void rejected(String source, Reason reason) {
        if (reason == Reason.NONE) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        counter(source, Outcome.REJECTED, reason).increment();
    }

    /**
     * A document refused at the HTTP layer before the intake saw it (no API key, rate limit, declared size):
     * counted as received and rejected, and logged like the intake's own rejections.
     */
    public void refusedBeforeIntake(String source, Reason reason, String detail) {
        received(source);
        rejected(source, reason);
        log.info("stage=rejected documentId=- outcome=rejected reason={} source={} detail=\"{}\"",
                reason.tag(), source, detail);
    }

    private Counter receivedCounter(String source) {
        return Counter.builder(RECEIVED)
                .description("Documents offered to ingest-service, by source")
                .tag("source", source)
                .register(registry);
    }

    private Counter counter(String source, Outcome outcome, Reason reason) {
        return Counter.builder(DOCUMENTS)
                .description("What became of the documents offered to ingest-service, by source, outcome and reason")
                .tag("source", source)
                .tag("outcome", outcome.tag())
                .tag("reason", reason.tag())
                .register(registry);
    }
}
