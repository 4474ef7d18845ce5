package nl.kamerqa.parsing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.kamerqa.contracts.ParsedDocument;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The service's own meters (Prometheus names in brackets; every meter also carries the common {@code application}
 * tag from {@code management.metrics.tags}):
 * <ul>
 * <li>{@code kamerqa.parser.documents{outcome=parsed|skipped|failed}} [{@code kamerqa_parser_documents_total}]</li>
 * <li>{@code kamerqa.parser.parse} [{@code kamerqa_parser_parse_seconds}], histogram</li>
 * <li>{@code kamerqa.parser.questions} [{@code kamerqa_parser_questions}], histogram of questions per document</li>
 * <li>{@code kamerqa.parser.store} [{@code kamerqa_parser_store_seconds}], histogram of successful MongoDB writes,
 * one per batch of parsed documents</li>
 * <li>{@code kamerqa.parser.store.batch} [{@code kamerqa_parser_store_batch_documents}], histogram of documents per
 * such write</li>
 * <li>{@code kamerqa.parser.failures{reason}} [{@code kamerqa_parser_failures_total}], dead-lettered documents by
 * {@link FailureReason}</li>
 * <li>{@code kamerqa.parser.dead.letters} [{@code kamerqa_parser_dead_letters_total}]</li>
 * <li>{@code kamerqa.parser.delivery.failures{kind=infrastructure|permanent|other}}
 * [{@code kamerqa_parser_delivery_failures_total}], every failed delivery attempt, retried or not</li>
 * <li>{@code kamerqa.parser.redriven} [{@code kamerqa_parser_redriven_total}]</li>
 * <li>{@code kamerqa.parser.suspect.documents{reason}} [{@code kamerqa_parser_suspect_documents_total}], parsed
 * documents whose quality block names that reason (a document with two reasons counts under each)</li>
 * </ul>
 * Histograms so that Prometheus can compute quantiles across instances.
 */
public class ParserMetrics {

    public static final String DOCUMENTS = "kamerqa.parser.documents";
    public static final String PARSE = "kamerqa.parser.parse";
    public static final String QUESTIONS = "kamerqa.parser.questions";
    public static final String STORE = "kamerqa.parser.store";
    public static final String STORE_BATCH = "kamerqa.parser.store.batch";
    public static final String FAILURES = "kamerqa.parser.failures";
    public static final String DEAD_LETTERS = "kamerqa.parser.dead.letters";
    public static final String DELIVERY_FAILURES = "kamerqa.parser.delivery.failures";
    public static final String REDRIVEN = "kamerqa.parser.redriven";
    public static final String SUSPECT = "kamerqa.parser.suspect.documents";

    /** What a failed delivery attempt leads to. */
    public enum DeliveryFailure {
        /** MongoDB or Kafka unreachable: retried without limit. */
        INFRASTRUCTURE,
        /** Cannot succeed: dead-lettered at once. */
        PERMANENT,
        /** Anything else: retried a bounded number of times, then dead-lettered. */
        OTHER
    }

    private final MeterRegistry registry;
    private final Counter parsed;
    private final Counter skipped;
    private final Counter failed;
    private final Timer parse;
    private final Timer store;
    private final DistributionSummary questions;
    private final DistributionSummary storeBatch;
    private final Map<FailureReason, Counter> failures = new EnumMap<>(FailureReason.class);
    private final Counter deadLetters;
    private final Map<DeliveryFailure, Counter> deliveryFailures = new EnumMap<>(DeliveryFailure.class);
    private final Counter redriven;
    private final Map<String, Counter> suspect = new java.util.HashMap<>();

    public ParserMetrics(MeterRegistry registry) {
        this.registry = registry;
        // everything is registered up front so each series shows (as 0) before the first document
        this.parsed = outcome(registry, "parsed");
        this.skipped = outcome(registry, "skipped");
        this.failed = outcome(registry, "failed");
        this.parse = Timer.builder(PARSE)
                .description("Time qa-parser takes per document")
                .publishPercentileHistogram()
                .register(registry);
        this.store = Timer.builder(STORE)
                .description("Time a successful MongoDB write of a batch of parsed documents and their questions takes")
                .publishPercentileHistogram()
                .register(registry);
        this.storeBatch = DistributionSummary.builder(STORE_BATCH)
                .description("Parsed documents written to MongoDB together")
                .baseUnit("documents")
                .publishPercentileHistogram()
                .register(registry);
        this.questions = DistributionSummary.builder(QUESTIONS)
                .description("Questions found per parsed document")
                .baseUnit("questions")
                .publishPercentileHistogram()
                .register(registry);
        for (FailureReason reason : FailureReason.values()) {
            failures.put(reason, Counter.builder(FAILURES)
                    .description("Raw documents dead-lettered, by why they could not be parsed")
                    .tag("reason", reason.code())
                    .register(registry));
        }
        this.deadLetters = Counter.builder(DEAD_LETTERS)
                .description("Records written to the dead-letter topic")
                .register(registry);
        for (DeliveryFailure kind : DeliveryFailure.values()) {
            deliveryFailures.put(kind, Counter.builder(DELIVERY_FAILURES)
                    .description("Failed delivery attempts of raw records, by what follows: infrastructure "
                            + "(retried without limit), permanent (dead-lettered at once), other (bounded retries)")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        this.redriven = Counter.builder(REDRIVEN)
                .description("Dead-letter entries re-published to the raw topic")
                .register(registry);
        for (String reason : ParsedDocument.Quality.REASONS) {
            suspect.put(reason, suspectCounter(reason));
        }
    }

    private Counter suspectCounter(String reason) {
        return Counter.builder(SUSPECT)
                .description("Parsed documents whose quality block makes them suspect, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder(DOCUMENTS)
                .description("Raw documents handled: parsed and stored, skipped as already current, or dead-lettered")
                .tag("outcome", outcome)
                .register(registry);
    }

    public <T> T timeParse(Supplier<T> parsing) {
        return parse.record(parsing);
    }

    /**
     * Runs the write of {@code documents} parsed documents and records its duration and size if it succeeds (a failed
     * attempt shows as a delivery failure).
     */
    public void timeStore(int documents, Runnable write) {
        Timer.Sample sample = Timer.start(registry);
        write.run();
        sample.stop(store);
        storeBatch.record(documents);
    }

    public void parsed(int questionCount) {
        parsed.increment();
        questions.record(questionCount);
    }

    /** Counts a parsed document once under each reason its quality block gives; nothing for a sound one. */
    public void suspect(ParsedDocument.Quality quality) {
        if (quality == null) {
            return;
        }
        for (String reason : quality.suspectReasons()) {
            suspect.computeIfAbsent(reason, this::suspectCounter).increment();
        }
    }

    public void skipped() {
        skipped.increment();
    }

    /**
     * Counted once per record the dead-letter topic acknowledged, not per failed attempt: outcome "failed", the
     * reason, and the dead-letter count move together.
     */
    public void deadLettered(FailureReason reason) {
        failed.increment();
        failures.get(reason).increment();
        deadLetters.increment();
    }

    public void deliveryFailed(DeliveryFailure kind) {
        deliveryFailures.get(kind).increment();
    }

    public void redriven() {
        redriven.increment();
    }
}
