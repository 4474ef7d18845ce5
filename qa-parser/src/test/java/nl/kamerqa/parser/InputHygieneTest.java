package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Convention: CRLF or LF, a BOM, no-break spaces, tabs, lines without their leading or trailing spaces give the
 * same questions, answers, texts and footnotes; pages then only where footers or form feeds still mark them.
 */
class InputHygieneTest {

    private static final QaParser PARSER = QaParser.create();
    private static final String SAMPLE = Samples.reportWithCombinedAnswers();
    private static final ParsedDocument BASELINE = PARSER.parseText(SAMPLE);

    static Stream<Arguments> variantsThatKeepEverything() {
        return Stream.of(
                Arguments.of("CRLF line ends", (UnaryOperator<String>) s -> s.replace("\n", "\r\n")),
                Arguments.of("a byte-order mark", (UnaryOperator<String>) s -> "\uFEFF" + s),
                Arguments.of("no-break spaces between words", (UnaryOperator<String>) s -> everyThirdSpace(s, "\u00A0")),
                Arguments.of("tabs between words", (UnaryOperator<String>) s -> everyThirdSpace(s, "\t")),
                Arguments.of("trailing spaces removed", (UnaryOperator<String>) s -> eachLine(s, String::stripTrailing)),
                Arguments.of("form feeds at the page starts", (UnaryOperator<String>) InputHygieneTest::formFeeds));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantsThatKeepEverything")
    void variantGivesTheSameRecordsPagesIncluded(String name, UnaryOperator<String> variant) {
        ParsedDocument parsed = PARSER.parseText(variant.apply(SAMPLE));
        assertThat(parsed.questions()).isEqualTo(BASELINE.questions());
        assertThat(parsed.footnotes()).isEqualTo(BASELINE.footnotes());
        assertThat(parsed.documentId()).isEqualTo(BASELINE.documentId());
    }

    @Test
    void linesWithoutLeadingSpacesGiveTheSameTextsButPagesOnlyWhereFootersMarkThem() {
        ParsedDocument parsed = PARSER.parseText(eachLine(SAMPLE, String::strip));
        assertThat(withoutPages(parsed.questions())).isEqualTo(withoutPages(BASELINE.questions()));
        assertThat(parsed.footnotes()).extracting(ParsedDocument.Footnote::text)
                .containsExactlyElementsOf(BASELINE.footnotes().stream().map(ParsedDocument.Footnote::text).toList());
        // footnotes printed just above a footer are on the page the footer numbers; nothing else is known
        assertThat(parsed.footnotes()).filteredOn(f -> f.page() != null)
                .extracting(ParsedDocument.Footnote::number).containsExactly(4, 7, 18, 19, 20, 21);
        assertThat(parsed.questions()).allMatch(q -> q.page() == null);
        assertThat(parsed.warnings()).anyMatch(w -> w.startsWith("printed page numbers unknown"));
    }

    @Test
    void extraBlankLinesKeepTextsAndPages() {
        ParsedDocument parsed = PARSER.parseText(SAMPLE.replace("\n\n", "\n\n\n"));
        assertThat(withoutLines(parsed.questions())).isEqualTo(withoutLines(BASELINE.questions()));
        assertThat(parsed.footnotes()).isEqualTo(BASELINE.footnotes());
    }

    @Test
    void removedFootersKeepTheTextsAndLeaveThePagesUnknown() {
        String withoutFooters = Arrays.stream(SAMPLE.split("\n", -1))
                .filter(l -> !l.startsWith("Tweede Kamer, vergaderjaar")).collect(Collectors.joining("\n"));
        ParsedDocument parsed = PARSER.parseText(withoutFooters);
        assertThat(withoutPages(parsed.questions())).isEqualTo(withoutPages(BASELINE.questions()));
        assertThat(parsed.footnotes()).extracting(ParsedDocument.Footnote::text)
                .containsExactlyElementsOf(BASELINE.footnotes().stream().map(ParsedDocument.Footnote::text).toList());
        assertThat(parsed.documentId()).isNull();
    }

    @Test
    void utf8BytesWithABomParseLikeTheText() {
        byte[] bytes = ("\uFEFF" + SAMPLE).getBytes(StandardCharsets.UTF_8);
        assertThat(PARSER.parse(bytes).questions()).isEqualTo(BASELINE.questions());
    }

    @Test
    void utf16WithAByteOrderMarkParsesLikeTheText() {
        byte[] bytes = SAMPLE.getBytes(StandardCharsets.UTF_16);
        assertThat(PARSER.parse(bytes).questions()).isEqualTo(BASELINE.questions());
    }

    private static List<Question> withoutPages(List<Question> questions) {
        return questions.stream().map(q -> new Question(q.number(), q.party(), q.text(), null, null, q.footnotes(),
                q.answer() == null ? null : new ParsedDocument.Answer(q.answer().text(), null, null,
                        q.answer().covers(), q.answer().footnotes()))).toList();
    }

    private static List<Question> withoutLines(List<Question> questions) {
        return questions.stream().map(q -> new Question(q.number(), q.party(), q.text(), q.page(), null, q.footnotes(),
                q.answer() == null ? null : new ParsedDocument.Answer(q.answer().text(), q.answer().page(), null,
                        q.answer().covers(), q.answer().footnotes()))).toList();
    }

    private static String everyThirdSpace(String s, String replacement) {
        StringBuilder out = new StringBuilder();
        int spaces = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean between = c == ' ' && i > 0 && i + 1 < s.length() && s.charAt(i - 1) != '\n'
                    && s.charAt(i + 1) != '\n' && s.charAt(i - 1) != ' ';
            out.append(between && spaces++ % 3 == 0 ? replacement : String.valueOf(c));
        }
        return out.toString();
    }

    private static String eachLine(String s, UnaryOperator<String> op) {
        return Arrays.stream(s.split("\n", -1)).map(op).collect(Collectors.joining("\n"));
    }

    /** Page starts and the page after each footer begin with a form feed, as pdftotext writes them. */
    private static String formFeeds(String s) {
        StringBuilder out = new StringBuilder();
        boolean afterFooter = false;
        for (String line : s.split("\n", -1)) {
            boolean pageStart = line.startsWith(" ") && !line.startsWith("  ") && !line.isBlank();
            if ((pageStart || afterFooter && !line.isBlank()) && out.length() > 0) {
                out.append('\f');
                afterFooter = false;
                line = line.strip();
            }
            out.append(line).append('\n');
            afterFooter |= line.startsWith("Tweede Kamer, vergaderjaar");
        }
        return out.toString();
    }
}
