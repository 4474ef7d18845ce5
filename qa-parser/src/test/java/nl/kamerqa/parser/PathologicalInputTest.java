package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large and hostile inputs: every pass is linear (no nested quantifiers, recognisers skip over-long lines), so
 * each of these finishes well within a generous timeout; a quadratic pass or catastrophic backtracking would not.
 */
class PathologicalInputTest {

    private static final QaParser PARSER = QaParser.create();
    private static final int MB = 1 << 20;

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("the sample repeated to 30 MB", repeat(Samples.reportWithCombinedAnswers(), 30 * MB)),
                Arguments.of("one 8 MB line of digits and dots", repeat("1.2022.11 20214 ", 8 * MB)),
                Arguments.of("one 8 MB line of hyphenated words", repeat("scheids-lijnen in- en ", 8 * MB)),
                Arguments.of("a million question starts", repeat("1.\n", 3 * MB)),
                Arguments.of("a million footnote-shaped lines", repeat("\n1 a1 2 b2\n", 4 * MB)),
                Arguments.of("long answer headings", repeat("Antwoord vraag " + "1 en ".repeat(60) + "\n", 4 * MB)),
                Arguments.of("long footer look-alikes", repeat("Tweede Kamer, vergaderjaar 2022–2023, "
                        + "36 200 ".repeat(40) + "\n", 4 * MB)),
                Arguments.of("long party heading look-alikes", repeat("Vragen en opmerkingen van de leden van de "
                        + "VVD-".repeat(40) + "\n", 4 * MB)),
                Arguments.of("answers naming hundreds of missing questions",
                        repeat("1. Vraag\n\nAntwoord vragen 2 t/m 200\n", 2 * MB)),
                Arguments.of("footnote-shaped lines that wrap forever", "zijn.1\n\n1 a-\n" + repeat("1 b-\n", 2 * MB)),
                Arguments.of("a million form feeds and blank lines", repeat("\f\n \n", 3 * MB)),
                Arguments.of("unicode noise", repeat("é́\u00AD\u00A0\u202F\uFEFF«»–—\r", 4 * MB)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void largeHostileInputIsParsedInLinearTime(String name, String input) {
        ParsedDocument parsed = PARSER.parseText(input);
        assertThat(parsed).isNotNull();
        assertThat(parsed.warnings()).hasSizeLessThanOrEqualTo(51);
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
