package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample report against its hand-checked expectation, entry by entry (the checks qa_score.py makes), plus
 * what the gold file does not hold: metadata, markers, references.
 */
class SampleReportTest {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static ParsedDocument parsed;
    private static Map<String, Question> byNumber;

    @BeforeAll
    static void parseSample() {
        parsed = QaParser.create().parseText(Samples.reportWithCombinedAnswers());
        byNumber = parsed.questions().stream().collect(Collectors.toMap(Question::number, Function.identity()));
    }

    static List<JsonNode> goldQuestions() {
        List<JsonNode> list = new ArrayList<>();
        JsonMapper.builder().build().readTree(Samples.reportWithCombinedAnswersExpected()).get("questions")
                .forEach(list::add);
        return list;
    }

    static List<JsonNode> goldFootnotes() {
        List<JsonNode> list = new ArrayList<>();
        JsonMapper.builder().build().readTree(Samples.reportWithCombinedAnswersExpected()).get("footnotes")
                .forEach(list::add);
        return list;
    }

    @Test
    void everyGoldQuestionIsFoundAndNoOther() {
        assertThat(parsed.questions()).extracting(Question::number)
                .containsExactlyElementsOf(goldQuestions().stream().map(q -> q.get("number").asString()).toList());
    }

    @ParameterizedTest(name = "question {index}")
    @MethodSource("goldQuestions")
    void questionMatchesTheHandCheckedEntry(JsonNode gold) {
        Question q = byNumber.get(gold.get("number").asString());
        assertThat(q).as("question %s", gold.get("number")).isNotNull();
        assertThat(q.party()).isEqualTo(gold.get("party").asString());
        assertThat(norm(q.text())).isEqualTo(norm(gold.get("text").asString()));
        assertThat(q.page()).isEqualTo(gold.get("page").asInt());
        assertThat(q.answer()).isNotNull();
        assertThat(norm(q.answer().text())).isEqualTo(norm(gold.get("answer_text").asString()));
        assertThat(q.answer().page()).isEqualTo(gold.get("answer_page").asInt());
        List<String> covers = new ArrayList<>();
        gold.get("answered_with").forEach(n -> covers.add(n.asString()));
        assertThat(q.answer().covers()).containsExactlyElementsOf(covers);
    }

    @ParameterizedTest(name = "footnote {index}")
    @MethodSource("goldFootnotes")
    void footnoteMatchesTheHandCheckedEntry(JsonNode gold) {
        ParsedDocument.Footnote f = parsed.footnotes().stream()
                .filter(x -> x.number() == gold.get("number").asInt()).findFirst().orElseThrow();
        assertThat(norm(f.text())).isEqualTo(norm(gold.get("text").asString()));
        assertThat(f.page()).isEqualTo(gold.get("page").asInt());
    }

    @Test
    void footnotesAreNumberedOneToTwentyTwoWithoutExtras() {
        assertThat(parsed.footnotes()).extracting(ParsedDocument.Footnote::number)
                .containsExactlyElementsOf(goldFootnotes().stream().map(n -> n.get("number").asInt()).toList());
    }

    @Test
    void metadataComesFromThePageFooter() {
        assertThat(parsed.documentId()).isEqualTo("kst-36200-VII-147");
        assertThat(parsed.genre()).isEqualTo("SCHRIFTELIJK_OVERLEG");
        assertThat(parsed.kamer()).isEqualTo("Tweede Kamer");
        assertThat(parsed.vergaderjaar()).isEqualTo("2022–2023");
        assertThat(parsed.dossier()).isEqualTo("36 200 VII");
        assertThat(parsed.ondernummer()).isEqualTo("147");
        assertThat(parsed.title()).isEqualTo("Vragen en opmerkingen vanuit de fracties en reactie van de bewindspersoon");
        assertThat(parsed.parties()).containsExactly("VVD", "D66", "CDA", "SP", "PvdA", "ChristenUnie", "BBB");
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.parser().version()).isEqualTo(QaParser.VERSION);
    }

    @Test
    void markersAreListedOnTheQuestionOrAnswerThatCitesThem() {
        assertThat(byNumber.get("13").answer().footnotes()).containsExactly(1, 2);
        assertThat(byNumber.get("24").footnotes()).containsExactly(5);
        assertThat(byNumber.get("21").answer().footnotes()).containsExactly(4);
        assertThat(byNumber.get("45").answer().footnotes()).containsExactly(18, 19, 20, 21, 22);
        List<Integer> all = new ArrayList<>();
        parsed.questions().forEach(q -> {
            all.addAll(q.footnotes());
            if (q.answer() != null && !q.number().equals("46")) {
                all.addAll(q.answer().footnotes());
            }
        });
        assertThat(all).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 22).boxed().toList());
    }

    @Test
    void question46ContinuesAfterAFootnoteBodyAndAPageBreak() {
        assertThat(byNumber.get("46").text())
                .contains("Deze gebieden hebben juist deze extra aandacht nodig. Snapt de Minister ook")
                .doesNotContain("Kamerstuk 29 628");
    }

    @Test
    void noTextHoldsAPageFooterOrAFootnoteBody() {
        for (Question q : parsed.questions()) {
            for (String text : List.of(q.text(), q.answer().text())) {
                assertThat(text).doesNotContain("vergaderjaar").doesNotContain("Vragen en opmerkingen van de leden");
                for (ParsedDocument.Footnote f : parsed.footnotes()) {
                    if (f.text().length() > 25) {
                        assertThat(text).doesNotContain(f.text());
                    }
                }
            }
        }
    }

    @Test
    void referencesAreStructuredAndDeduplicated() {
        assertThat(parsed.references()).contains(
                new ParsedDocument.Reference("kamerstuk", "35 165", "51"),
                new ParsedDocument.Reference("kamerstuk", "30 995", "101"),
                new ParsedDocument.Reference("kamerstuk", "33 340", "101"),
                new ParsedDocument.Reference("kamerstuk", "35 261", "A"));
        assertThat(parsed.references()).doesNotHaveDuplicates();
        assertThat(parsed.references().get(0)).isEqualTo(new ParsedDocument.Reference("kamerstuk", "35 165", "51"));
    }

    @Test
    void questionAndAnswerLinesPointAtTheirSourceLines() {
        String[] lines = Samples.reportWithCombinedAnswers().split("\n", -1);
        for (Question q : parsed.questions()) {
            assertThat(lines[q.line() - 1].strip()).startsWith(q.number() + ". ");
            assertThat(lines[q.answer().line() - 1].strip()).startsWith("Antwoord");
        }
    }

    /** As qa_score.py compares: NFC, whitespace folded. */
    private static String norm(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }
}
