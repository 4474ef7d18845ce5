package nl.kamerqa.parser.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recognisers both routes share, each on the forms its convention names and on look-alikes. */
class LabelRecognisersTest {

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(" ")).map(Integer::valueOf).toList();
    }

    @Nested
    class PartyHeadings {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Vragen en opmerkingen van de leden van de VVD-fractie | VVD",
                "Vragen en opmerkingen van het lid van de BBB-fractie | BBB",
                "Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie | GroenLinks-PvdA",
                "Vragen en opmerkingen van de leden van de ChristenUnie-fractie | ChristenUnie",
                "Vragen en opmerkingen van de leden van de fractie van GroenLinks | GroenLinks",
                "Vragen en opmerkingen van de leden van de GroenLinks- en PvdA-fracties | GroenLinks en PvdA",
                "Inbreng van de leden van de PVV-fractie | PVV",
                "II Vragen en opmerkingen van de leden van de SGP-fractie | SGP"})
        void headingNamesTheParty(String line, String party) {
            assertThat(PartyHeading.recognise(line, null)).map(PartyHeading.Match::party).contains(party);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Vragen en opmerkingen vanuit de fracties en reactie van de",
                "De leden van de VVD-fractie vragen de Minister om een reactie.",
                "Vragen en opmerkingen van de leden van de VVD-fractie 2"})
        void documentHeadingsSentencesAndTableOfContentsLinesAreNoSections(String line) {
            assertThat(PartyHeading.recognise(line, null)).isEmpty();
        }

        @Test
        void headingWrappedAfterTheHyphenIsJoined() {
            assertThat(PartyHeading.recognise("Vragen en opmerkingen van de leden van de ChristenUnie-", "fractie"))
                    .contains(new PartyHeading.Match("ChristenUnie", true));
        }
    }

    @Nested
    class AnswerHeadings {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Antwoord | ''",
                "Antwoord vraag 7 en 8 | 7 8",
                "Antwoord op vraag 3 | 3",
                "Antwoord vragen 4, 5 en 6 | 4 5 6",
                "Antwoord vraag 7 t/m 9 | 7 8 9",
                "Antwoord vragen 10 tot en met 12 | 10 11 12",
                "Antwoord op de vragen 2 en 3 | 2 3",
                "Antwoord 14 | 14",
                "Antwoord: | ''"})
        void headingNamesTheQuestionsItAnswers(String line, String numbers) {
            List<Integer> expected = numbers.isEmpty() ? List.of()
                    : Arrays.stream(numbers.split(" ")).map(Integer::valueOf).toList();
            assertThat(AnswerHeading.recognise(line)).map(AnswerHeading::covers).contains(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Antwoord op de vraag.", "Antwoorden geven is belangrijk.", "Antwoordapparaat",
                "Het Antwoord", "Antwoord vraag zeven"})
        void sentencesStartingWithAntwoordAreNoHeadings(String line) {
            assertThat(AnswerHeading.recognise(line)).isEmpty();
        }

        @Test
        void textAfterAColonIsTheAnswersFirstLine() {
            assertThat(AnswerHeading.recognise("Antwoord op vraag 3: Ja, dat klopt."))
                    .contains(new AnswerHeading(List.of(3), "Ja, dat klopt."));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Reactie | ''", "Reactie op vraag 3 | 3", "Reactie op vragen 2, 3, en 4 | 2 3 4", "REACTIE 5 | 5",
                "Antwoord bij vraag 6 | 6", "ANTWOORD 2 T/M 4 | 2 3 4", "Antwoord 7 & 8 | 7 8"})
        void reactieAndTheOtherRoutesFormsAreAnswerHeadingsToo(String line, String numbers) {
            List<Integer> expected = numbers.isEmpty() ? List.of() : ints(numbers);
            assertThat(AnswerHeading.recognise(line)).map(AnswerHeading::covers).contains(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Reactie van de bewindspersoon", "Reactie van de Minister",
                "Reactie van de regering op de inbreng", "Reactie op het rapport", "Reacties van burgers"})
        void reactieNamingWhoRepliesOrWhatElseIsNoAnswerHeading(String line) {
            assertThat(AnswerHeading.recognise(line)).isEmpty();
        }

        @Test
        void reactieVanDeBewindspersoonIsAPartHeadingInstead() {
            assertThat(DocumentHeading.recognise("II Reactie van de bewindspersoon", null))
                    .contains(new DocumentHeading("Reactie van de bewindspersoon", false));
        }
    }

    @Nested
    class QuestionStarts {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "12. De Minister voegt daar terecht aan toe | 12 | De Minister voegt daar terecht aan toe",
                "1. «Burgerschapszone» | 1 | «Burgerschapszone»",
                "7. | 7 | ''"})
        void numberAndFullStopStartAQuestion(String line, int number, String rest) {
            assertThat(QuestionStart.recognise(line)).contains(new QuestionStart(number, rest));
        }

        @ParameterizedTest
        @ValueSource(strings = {"12 De Minister", "12,5% in 2020", "2022. Het", "1 januari 2023 zijn",
                "35 925 VII, nr. 22).", "3.5 miljard", "0. Inleiding", "7) De leden"})
        void otherNumbersAtALineStartAreNoQuestionStart(String line) {
            assertThat(QuestionStart.recognise(line)).isEmpty();
        }
    }

    @Nested
    class QuestionLabels {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Vraag 1 | 1", "Vraag 2 en 3 | 2 3", "Vragen 2 en 3 | 2 3", "Vraag 3, 4, 5 en 6 | 3 4 5 6",
                "Vraag 10 en 11: | 10 11", "Vraag 7 t/m 9 | 7 8 9", "Vraag 7, 8, en 9 | 7 8 9", "VRAAG 4 | 4",
                "Vraag 4, 5 6 en 7 | 4 5 6 7", "Vragen 12 t/m 14 | 12 13 14", "VRAGEN 5 EN 6 | 5 6",
                "VRAGEN 12 T/M 14 | 12 13 14", "Vraag 3 & 4 | 3 4"})
        void labelNamesItsQuestions(String line, String numbers) {
            assertThat(QuestionLabel.recognise(line, (String) null)).map(QuestionLabel::numbers).contains(ints(numbers));
        }

        @Test
        void textAfterAColonIsTheQuestion() {
            assertThat(QuestionLabel.recognise("Vraag 1: Kent u het bericht?", (String) null))
                    .contains(new QuestionLabel(List.of(1), "Kent u het bericht?", 0));
        }

        @Test
        void labelCutByLineBreaksGoesOnOntoTheNextLines() {
            assertThat(QuestionLabel.recognise("Vraag", List.of("10", "en 11")))
                    .contains(new QuestionLabel(List.of(10, 11), "", 2));
            assertThat(QuestionLabel.recognise("Vraag 3,", List.of("4 en", "5", "Hoeveel?")))
                    .contains(new QuestionLabel(List.of(3, 4, 5), "", 2));
            assertThat(QuestionLabel.recognise("Vraag 2", List.of("en 3"))).contains(new QuestionLabel(List.of(2, 3), "", 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Vragen 2 en 3 zijn al eerder gesteld.", "Vragen van het lid Dijk (SP) aan de Minister",
                "Vraagt u zich af", "Vraag", "Vraag 2 en"})
        void sentencesAboutQuestionsAreNoLabels(String line) {
            assertThat(QuestionLabel.recognise(line, (String) null)).isEmpty();
        }
    }

    @Nested
    class KamervragenAnswerHeadings {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Antwoord 1 | 1", "Antwoord 2 en 3 | 2 3", "Antwoord op vraag 1 | 1", "Antwoord op vragen 2 en 3 | 2 3",
                "Antwoord op vragen 7, 8, en 9 | 7 8 9", "Antwoord op vraag 1: | 1"})
        void kamervragenAnswerHeadingsNameTheirQuestions(String line, String numbers) {
            assertThat(AnswerHeading.recognise(line)).map(AnswerHeading::covers).contains(ints(numbers));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Antwoord van Minister Schippers (Volksgezondheid, Welzijn en Sport)",
                "Zie antwoord op vraag 2.", "Antwoorden van de minister van Justitie en Veiligheid op Kamervragen"})
        void introductionsAndReferencesAreNoAnswerHeadings(String line) {
            assertThat(AnswerHeading.recognise(line)).isEmpty();
        }
    }

    @Nested
    class NumberLabels {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {"12 | 12", "12. | 12", "5, 6 en 7 | 5 6 7", "7 t/m 9 | 7 8 9"})
        void bareNumbersAreLabelCandidates(String line, String numbers) {
            assertThat(NumberLabel.recognise(line)).map(NumberLabel::numbers).contains(ints(numbers));
        }

        @Test
        void listCutByLineBreaksIsPutBackTogether() {
            assertThat(NumberLabel.recognise("5,", List.of("6 en", "7", "Hoeveel budget?")))
                    .contains(new NumberLabel(List.of(5, 6, 7), 2, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023", "1. Inleiding", "12 mei", "3,5", "0"})
        void yearsHeadingsDatesAndDecimalsAreNoLabels(String line) {
            assertThat(NumberLabel.recognise(line)).isEmpty();
        }
    }

    @Nested
    class TitleGenres {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG | SCHRIFTELIJK_OVERLEG",
                "LIJST VAN VRAGEN EN ANTWOORDEN | LIJST_VAN_VRAGEN_EN_ANTWOORDEN",
                "NOTA NAAR AANLEIDING VAN HET NADER VERSLAG | NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG",
                "VERSLAG | VERSLAG", "BRIEF VAN DE MINISTER VAN FINANCIËN | BRIEF",
                "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS | KAMERSTUK"})
        void titleNamesTheGenre(String title, String genre) {
            assertThat(TitleGenre.of(title)).isEqualTo(genre);
        }

        @Test
        void noTitleIsSomeKamerstuk() {
            assertThat(TitleGenre.of(null)).isEqualTo("KAMERSTUK");
        }
    }
}
