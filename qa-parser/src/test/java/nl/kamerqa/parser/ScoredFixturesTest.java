package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.corpus.QaScore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture with a gold file, in every form it comes in, scores 100 with the checks of qa_score.py
 * ({@link QaScore}): the shared Kamervragen as PDF, as pdftotext and pdftotext -layout text; the answer letter as
 * Word (.docx and .doc) and as pandoc text; the report; the handmade lists of questions and nota; the official Kamervragen as XML, HTML and ODT. All go through
 * {@link QaParser#parse(byte[])}, so the format is sniffed as in production.
 */
class ScoredFixturesTest {

    private static final QaParser PARSER = QaParser.create();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Stream<Arguments> fixtures() {
        return Stream.of(
                fixture("/formats/ah-tk-20142015-698.pdf", "/samples/ah-tk-20142015-698.expected.json"),
                fixture("/samples/ah-tk-20142015-698.pdftotext.txt", "/samples/ah-tk-20142015-698.expected.json"),
                fixture("/samples/ah-tk-20142015-698.pdftotext-layout.txt", "/samples/ah-tk-20142015-698.expected.json"),
                fixture("/formats/ah-tk-20142015-698.html", "/samples/ah-tk-20142015-698.expected.json"),
                fixture("/formats/ah-tk-20232024-1786.pdf", "/samples/ah-tk-20232024-1786.expected.json"),
                fixture("/samples/ah-tk-20232024-1786.pdftotext.txt", "/samples/ah-tk-20232024-1786.expected.json"),
                fixture("/samples/ah-tk-20232024-1786.pdftotext-layout.txt", "/samples/ah-tk-20232024-1786.expected.json"),
                fixture("/formats/ah-tk-20232024-1786.xml", "/samples/ah-tk-20232024-1786.expected.json"),
                fixture("/formats/ah-tk-20232024-1999.pdf", "/samples/ah-tk-20232024-1999.expected.json"),
                fixture("/samples/ah-tk-20232024-1999.pdftotext.txt", "/samples/ah-tk-20232024-1999.expected.json"),
                fixture("/samples/ah-tk-20232024-1999.pdftotext-layout.txt", "/samples/ah-tk-20232024-1999.expected.json"),
                fixture("/formats/antwoord-brandweer-0900.docx", "/samples/antwoord-brandweer-0900.expected.json"),
                fixture("/formats/antwoord-brandweer-0900.doc", "/samples/antwoord-brandweer-0900.expected.json"),
                fixture("/formats/antwoord-brandweer-0900.pandoc.txt", "/samples/antwoord-brandweer-0900.expected.json"),
                fixture("/samples/kst-36200-VII-147.txt", "/samples/kst-36200-VII-147.expected.json"),
                fixture("/genres/kst-36410-XV-12.txt", "/genres/kst-36410-XV-12.expected.json"),
                fixture("/genres/kst-36496-5.txt", "/genres/kst-36496-5.expected.json"),
                fixture("/genres/kst-36450-7.txt", "/genres/kst-36450-7.expected.json"),
                fixture("/official/ah-tk-20202021-3235.xml", "/official/ah-tk-20202021-3235.expected.json"),
                fixture("/official/ah-tk-20202021-3235.html", "/official/ah-tk-20202021-3235.expected.json"),
                fixture("/official/ah-tk-20202021-3235.odt", "/official/ah-tk-20202021-3235.expected.json"));
    }

    private static Arguments fixture(String input, String gold) {
        return Arguments.of(input.substring(input.lastIndexOf('/') + 1), input, gold);
    }

    @ParameterizedTest(name = "{0} scores 100")
    @MethodSource("fixtures")
    void fixtureScoresOneHundredAgainstItsGold(String name, String input, String goldFile) {
        ParsedDocument parsed = PARSER.parse(Samples.bytes(input));
        JsonNode gold = MAPPER.readTree(Samples.resource(goldFile));

        QaScore.Result result = QaScore.score(gold, parsed);

        assertThat(result.failures()).as("%s: failing checks of %d", name, result.checks()).isEmpty();
        assertThat(result.score()).isEqualTo(100.0);
        if (gold.has("genre") && gold.get("genre").asString().matches("[A-Z_]+")) {
            assertThat(parsed.genre()).isEqualTo(gold.get("genre").asString());
        }
        if (gold.has("documentId")) {
            assertThat(parsed.documentId()).isEqualTo(gold.get("documentId").asString());
        }
    }
}
