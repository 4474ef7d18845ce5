package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large and hostile inputs: every pass is linear (no nested quantifiers, recognisers skip over-long lines). Each input
 * is parsed at two sizes, 1× and 8×, in the same run, and the larger must cost less than 32 times the smaller: 8 for a
 * linear pass, 64 for a quadratic one. The room between is for what is not the algorithm: CPU time per byte grows
 * with the input once its objects no longer fit the processor's caches (measured here with C2: up to 17–25 times for
 * some inputs at 1 and 8 MB; with C1 alone, as the build runs it: 7.6 to 8.7). Cost is the parsing thread's CPU time,
 * the best of a few runs, which other processes on the machine inflate far less than wall time.
 */
class PathologicalInputTest {

    private static final QaParser PARSER = QaParser.create();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MB = 1 << 20;
    private static final int GROWTH = 8;
    private static final double MAX_COST_RATIO = 32.0;
    /** Below this a measurement is mostly clock resolution; the smaller size is counted as at least this. */
    private static final long MIN_COST_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** Name, what comes first, the unit repeated after it, and the larger size; the smaller is an eighth of it. */
    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("the sample repeated", "", Samples.reportWithCombinedAnswers(), 8 * MB),
                Arguments.of("one line of digits and dots", "", "1.2022.11 20214 ", 4 * MB),
                Arguments.of("one line of hyphenated words", "", "scheids-lijnen in- en ", 4 * MB),
                Arguments.of("question starts", "", "1.\n", 1 * MB),
                Arguments.of("footnote-shaped lines", "", "\n1 a1 2 b2\n", 2 * MB),
                Arguments.of("long answer headings", "", "Antwoord vraag " + "1 en ".repeat(60) + "\n", 2 * MB),
                Arguments.of("long footer look-alikes", "", "Tweede Kamer, vergaderjaar 2022–2023, "
                        + "36 200 ".repeat(40) + "\n", 2 * MB),
                Arguments.of("long party heading look-alikes", "", "Vragen en opmerkingen van de leden van de "
                        + "VVD-".repeat(40) + "\n", 2 * MB),
                // each answer names 199 questions: a quarter of a megabyte is already 1.5 million of them
                Arguments.of("answers naming hundreds of missing questions", "",
                        "1. Vraag\n\nAntwoord vragen 2 t/m 200\n", MB / 4),
                Arguments.of("footnote-shaped lines that wrap forever", "zijn.1\n\n1 a-\n", "1 b-\n", 1 * MB),
                Arguments.of("form feeds and blank lines", "", "\f\n \n", 1 * MB),
                Arguments.of("unicode noise", "", "é́\u00AD\u00A0\u202F\uFEFF«»–—\r", 2 * MB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hostileInputCostsAboutEightTimesAsMuchAtEightTimesTheSize(String name, String prefix, String unit, int size) {
        String small = prefix + repeat(unit, size / GROWTH);
        String large = prefix + repeat(unit, size);

        ParsedDocument parsed = PARSER.parseText(small); // also warms the code up before measuring
        long smallCost = Math.max(MIN_COST_NANOS, bestCost(small, 5));
        long largeCost = bestCost(large, 2);

        double ratio = (double) largeCost / smallCost;
        assertThat(ratio).as("%s: %d ms at %d kB, %d ms at %d kB", name, smallCost / 1_000_000, small.length() / 1024,
                largeCost / 1_000_000, large.length() / 1024).isLessThan(MAX_COST_RATIO);
        assertThat(parsed.warnings()).hasSizeLessThanOrEqualTo(QaParser.MAX_WARNINGS + 1);
    }

    /** The least CPU time of this thread over {@code runs} parses of the text. */
    private static long bestCost(String text, int runs) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            PARSER.parseText(text);
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
        }
        return best;
    }

    private static String repeat(String unit, int size) {
        return unit.repeat(Math.max(1, size / unit.length()));
    }

    @Test
    void strayAnswersGiveAtMostFiftyWarningsAndACountOfTheRest() {
        ParsedDocument parsed = PARSER.parseText("Antwoord\nJa, dat klopt.\n\n".repeat(500));

        assertThat(parsed.questions()).isEmpty();
        assertThat(parsed.warnings()).hasSize(QaParser.MAX_WARNINGS + 1);
        assertThat(parsed.warnings()).anyMatch(w -> w.contains("follows no question"));
        assertThat(parsed.warnings().get(QaParser.MAX_WARNINGS)).matches("… and \\d+ more warnings");
    }

    @Test
    void aFewWarningsAreKeptAsTheyAre() {
        ParsedDocument parsed = PARSER.parse("Antwoord\nJa.\n\nAntwoord\nNee.\n".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.warnings()).hasSizeLessThanOrEqualTo(QaParser.MAX_WARNINGS)
                .noneMatch(w -> w.contains("more warnings"));
    }
}
