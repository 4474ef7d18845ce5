package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.Quality;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.internal.QualityCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality block: a sound parse says nothing, a misread one names why an operator should look. */
class QualityBlockTest {

    private static final QaParser PARSER = QaParser.create();

    @ParameterizedTest(name = "{0} is not suspect")
    @ValueSource(strings = {"/formats/ah-tk-20142015-698.pdf", "/formats/ah-tk-20232024-1786.pdf",
            "/formats/ah-tk-20232024-1999.pdf", "/formats/antwoord-brandweer-0900.docx", "/samples/kst-36200-VII-147.txt",
            "/official/ah-tk-20202021-3235.odt", "/official/ah-tk-20202021-3235.html", "/official/kst-32545-143.xml"})
    void sharedSamplesAreNotSuspect(String sample) {
        Quality quality = PARSER.parse(Samples.bytes(sample)).quality();

        assertThat(quality).isNotNull();
        assertThat(quality.suspectReasons()).isEmpty();
    }

    @Test
    void mededelingMeansNoAnswersAreExpected() {
        Quality quality = PARSER.parse(Samples.bytes("/formats/ah-tk-20232024-1999.pdf")).quality();

        assertThat(quality.answersExpected()).isFalse();
        assertThat(quality.unanswered()).containsExactly("1", "2", "3");
    }

    @Test
    void missingNumberAndUnansweredQuestionMakeTheParseSuspect() {
        ParsedDocument parsed = PARSER.parseText("""
                Vraag 1
                Kent u het bericht over de sluiting van het zwembad?

                Antwoord 1
                Ja.

                Vraag 3
                Wanneer sluit het zwembad?

                Antwoord 3
                Volgend jaar.

                Vraag 4
                Waarom?
                """);

        assertThat(parsed.quality().numberingGaps()).containsExactly("2");
        assertThat(parsed.quality().unanswered()).containsExactly("4");
        assertThat(parsed.quality().suspectReasons()).containsExactly(Quality.NUMBERING_GAP, Quality.UNANSWERED);
    }

    @Test
    void numberTwiceAndMarkerWithoutNoteAreNamed() {
        Answer answer = new Answer("Ja.", null, null, List.of("1"), List.of(7));
        ParsedDocument document = new ParsedDocument(ParsedDocument.SCHEMA_VERSION, "x", Genres.KAMERVRAGEN, null, null,
                null, null, null, List.of(), List.of(new Question("1", null, "Kent u dit?", null, null, List.of(), answer),
                new Question("1", null, "En dat?", null, null, List.of(), answer)), List.of(), List.of(), List.of(),
                null, null);

        Quality quality = QualityCheck.of(document);

        assertThat(quality.duplicatedNumbers()).containsExactly("1");
        assertThat(quality.unassignedNoteMarkers()).containsExactly(7);
        assertThat(quality.suspectReasons()).containsExactly(Quality.DUPLICATED_NUMBER, Quality.UNASSIGNED_NOTE_MARKER);
    }

    @Test
    void questionGenreWithoutQuestionsIsSuspectButAMotieIsNot() {
        ParsedDocument lijst = PARSER.parseText("LIJST VAN VRAGEN EN ANTWOORDEN\n\nVastgesteld 6 november 2023\n");

        assertThat(lijst.quality().suspectReasons()).containsExactly(Quality.NO_QUESTIONS);
        assertThat(PARSER.parse(Samples.bytes("/official/kst-32545-143.odt")).quality().suspectReasons()).isEmpty();
    }
}
