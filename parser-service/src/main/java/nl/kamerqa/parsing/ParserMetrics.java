package nl.kamerqa.parsing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.function.Supplier;

/**
 * The service's own meters: {@code kamerqa.parser.documents{outcome}}, {@code kamerqa.parser.parse} and
 * {@code kamerqa.parser.questions} (histograms, so Prometheus can compute quantiles across instances).
 */
public class ParserMetrics {

    public static final String DOCUMENTS = "kamerqa.parser.documents";
    public static final String PARSE = "kamerqa.parser.parse";
    public static final String QUESTIONS = "kamerqa.parser.questions";

    private final Counter parsed;
    private final Counter skipped;
    private final Counter failed;
    private final Timer parse;
    private final DistributionSummary questions;

    public ParserMetrics(MeterRegistry registry) {
        // registered up front so all three outcomes show (as 0) before the first document
        this.parsed = outcome(registry, "parsed");
        this.skipped = outcome(registry, "skipped");
        this.failed = outcome(registry, "failed");
        this.parse = Timer.builder(PARSE)
                .description("Time qa-parser takes per document")
                .publishPercentileHistogram()
                .register(registry);
        this.questions = DistributionSummary.builder(QUESTIONS)
                .description("Questions found per parsed document")
                .baseUnit("questions")
                .publishPercentileHistogram()
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

    public void parsed(int questionCount) {
        parsed.increment();
        questions.record(questionCount);
    }

    public void skipped() {
        skipped.increment();
    }

    /** Counted once per record sent to the dead-letter topic, not per failed attempt. */
    public void failed() {
        failed.increment();
    }
}
