package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument.Asker;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recognisers issue 4 added, each on the forms its convention names and on look-alikes. */
class GenreRecognisersTest {

    @Nested
    class KamervragenHeadings {
        @Test
        void oneAskerWithAPartyTheAddresseeTheSubjectAndTheDate() {
            KamervragenHeading h = KamervragenHeading.parse("Vragen van het lid Bouwmeester (PvdA) aan de Minister van "
                    + "Volksgezondheid, Welzijn en Sport over onterechte ziekenhuisrekeningen (ingezonden 3 oktober 2014).");
            assertThat(h.askers()).containsExactly(new Asker("Bouwmeester", "PvdA"));
            assertThat(h.addressee()).isEqualTo("Minister van Volksgezondheid, Welzijn en Sport");
            assertThat(h.subject()).isEqualTo("onterechte ziekenhuisrekeningen");
            assertThat(h.ingezonden()).isEqualTo("2014-10-03");
            assertThat(h.singleParty()).isEqualTo("PvdA");
        }

        @Test
        void threeAskersOfThreePartiesHaveNoSingleParty() {
            KamervragenHeading h = KamervragenHeading.parse("Vragen van de leden Sneller (D66), Chakor (GroenLinks-PvdA) en "
                    + "Van Nispen (SP) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties over juridische "
                    + "analyse(s) van het hoofdlijnenakkoord (ingezonden 30 mei 2024).");
            assertThat(h.askers()).containsExactly(new Asker("Sneller", "D66"), new Asker("Chakor", "GroenLinks-PvdA"),
                    new Asker("Van Nispen", "SP"));
            assertThat(h.subject()).isEqualTo("juridische analyse(s) van het hoofdlijnenakkoord");
            assertThat(h.singleParty()).isNull();
            assertThat(h.parties()).containsExactly("D66", "GroenLinks-PvdA", "SP");
        }

        @Test
        void beidenGivesThePartyToEveryAskerBeforeIt() {
            assertThat(KamervragenHeading.askers("Temmink en Van Nispen (beiden SP)"))
                    .containsExactly(new Asker("Temmink", "SP"), new Asker("Van Nispen", "SP"));
        }

        @Test
        void answerLetterHeadingNamesWhoAnswers() {
            KamervragenHeading h = KamervragenHeading.parse("Antwoorden van de minister van Justitie en Veiligheid op "
                    + "Kamervragen van de leden Temmink en Van Nispen (beiden SP) aan de minister van Justitie en "
                    + "Veiligheid over het feit dat het nummer in handen is van een commerciële partij.");
            assertThat(h.answeredBy()).isEqualTo("minister van Justitie en Veiligheid");
            assertThat(h.addressee()).isEqualTo("minister van Justitie en Veiligheid");
            assertThat(h.singleParty()).isEqualTo("SP");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden",
                "Vragen en opmerkingen van de leden van de VVD-fractie", "Vragen van de leden van de D66-fractie"})
        void headerLineAndPartyHeadingsStartNoKamervragen(String line) {
            assertThat(KamervragenHeading.starts(line)).isFalse();
        }
    }

    @Nested
    class AnswerIntros {
        private AnswerIntro read(String... text) {
            List<SourceLine> lines = new java.util.ArrayList<>();
            for (int i = 0; i < text.length; i++) {
                lines.add(new SourceLine(i + 1, text[i], 0, false));
            }
            return AnswerIntro.read(lines, new boolean[lines.size()], 0, i -> lines.get(i).text().startsWith("Vraag"));
        }

        @Test
        void answerIntroductionNamesTheMinisterAndTheDateAcrossLines() {
            AnswerIntro intro = read("Antwoord van Minister Schippers (Volksgezondheid, Welzijn en Sport)",
                    "(ontvangen 26 november 2014). Zie ook Aanhangsel Handelingen,", "vergaderjaar 2014–2015, nr. 403",
                    "Vraag 1");
            assertThat(intro).isEqualTo(new AnswerIntro(false, "Minister Schippers (Volksgezondheid, Welzijn en Sport)",
                    "2014-11-26", 2));
        }

        @Test
        void mededelingWithTheDatePrintedTwiceIsAMededeling() {
            AnswerIntro intro = read("Mededeling van Minister De Jonge (Binnenlandse Zaken en",
                    "Koninkrijksrelaties) (ontvangen (ontvangen 7 juni 2024).", "Vraag 1");
            assertThat(intro.mededeling()).isTrue();
            assertThat(intro.by()).isEqualTo("Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties)");
            assertThat(intro.ontvangen()).isEqualTo("2024-06-07");
        }
    }

    @Nested
    class Colophons {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {"ah-tk-20142015-698 | ah-tk-20142015-698", "ISSN 0921 - 7398 | ",
                "’s-Gravenhage 2014 | ", "kst-36410-XV-12 | kst-36410-XV-12",
                "ah-tk-20232024-1786 ISSN 0921 - 7398 ’s-Gravenhage 2024 | ah-tk-20232024-1786"})
        void colophonLinesAreRecognisedWithTheIdTheyPrint(String line, String id) {
            assertThat(Colophon.recognise(line)).contains(new Colophon(id, ""));
        }

        @Test
        void colophonBeforeAFooterOnOneLineLeavesTheFooter() {
            assertThat(Colophon.recognise("’s-Gravenhage 2014 Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel 1"))
                    .contains(new Colophon(null, "Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel 1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"kst-36200-VII-147 is het verslag", "ISSN-nummers", "Den Haag 2014"})
        void textStartingLikeAColophonIsText(String line) {
            assertThat(Colophon.recognise(line)).isEmpty();
        }
    }

    @Nested
    class AskingParties {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "De leden van de D66-fractie vragen hoe dat zit. | D66",
                "Het lid van de BBB-fractie vraagt of dat klopt. | BBB",
                "De leden van de GroenLinks-PvdA-fractie vragen of dat kan. | GroenLinks-PvdA",
                "De leden van de fractie van GroenLinks-PvdA vragen of dat kan. | GroenLinks-PvdA",
                "Voorts vragen de leden van de SP-fractie waarom. | SP"})
        void questionNamesItsParty(String text, String party) {
            assertThat(AskingParty.recognise(text)).contains(new AskingParty(party, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Deze leden vragen voorts wat dat betekent.", "Zij vragen tevens wanneer.",
                "Dit lid vraagt of dat klopt.", "De leden van deze fractie vragen waarom."})
        void questionReferringBackInheritsTheParty(String text) {
            assertThat(AskingParty.recognise(text)).contains(new AskingParty(null, true));
        }

        @Test
        void partyNamedAfterTheFirstSentenceDoesNotCount() {
            assertThat(AskingParty.recognise("Hoe verhoudt dit zich tot de Omgevingswet? De leden van de VVD-fractie "
                    + "vroegen dat eerder.")).isEmpty();
        }
    }

    @Nested
    class SectionHeadings {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1. Inleiding", "2.3 Financiële gevolgen", "§ 4 Uitvoering", "3 Doel van het wetsvoorstel"})
        void numberedShortHeadingsAreSections(String line) {
            assertThat(SectionHeading.recognise(line)).isPresent();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1. De leden vragen hoe dat zit.", "12", "2.3", "1 januari 2024 treedt de wet in werking."})
        void sentencesAndBareNumbersAreNoSections(String line) {
            assertThat(SectionHeading.recognise(line)).isEmpty();
        }
    }

    @Nested
    class Dates {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {"ingezonden 3 oktober 2014 | 2014-10-03", "1 mei 2024 | 2024-05-01",
                "ontvangen 7 juni 2024 | 2024-06-07", "31 februari 2024 en 2 maart 2024 | 2024-03-02"})
        void dutchDatesBecomeIsoDates(String text, String iso) {
            assertThat(DutchDate.firstIso(text)).isEqualTo(iso);
        }
    }

    @Nested
    class FootnoteMarkerForms {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "van Both Ends[^1]? | 1 | CARET", "de motie van Nispen[1] met | 1 | BRACKET",
                "commerciële tarieven vraagt? 1) | 1 | TYPED", "mensenrechtenschendingen uit 2018?10 Bent | 10 | GLUED"})
        void explicitAndTypedMarkersAreCandidatesOfTheirForm(String line, int number, FootnoteMarkers.Form form) {
            assertThat(FootnoteMarkers.scan(line)).anySatisfy(c -> {
                assertThat(c.number()).isEqualTo(number);
                assertThat(c.form()).isEqualTo(form);
            });
        }

        @Test
        void markerListAfterACommaCitesEveryNumberAndTakesTheComma() {
            String line = "ondanks invoering «vereenvoudigde ziekenhuisnota»»?1, 2";
            assertThat(FootnoteMarkers.scan(line)).extracting(FootnoteMarkers.Candidate::number).containsExactly(1, 2);
            FootnoteMarkers.Candidate second = FootnoteMarkers.scan(line).get(1);
            assertThat(line.substring(second.start(), second.end())).isEqualTo(", 2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"zie bijlage 2) en verder", "de lijst [a] en [ ]", "in 2022, 2023 en 2024", "[0]"})
        void numbersThatAreNoMarkersStayText(String line) {
            assertThat(FootnoteMarkers.scan(line)).noneMatch(c -> c.form() != FootnoteMarkers.Form.GLUED);
        }
    }

    @Nested
    class PageFootersOfAnAanhangsel {
        @Test
        void pageNumberAfterABlankLineAtThePageEndBelongsToTheFooter() {
            List<SourceLine> lines = LineSplitter.split("tekst\n\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n\n3\n\n\fmeer\n");
            Footers footers = Footers.find(lines);
            assertThat(footers.pageAt()[2]).isEqualTo(3);
            assertThat(footers.isFooter()[4]).isTrue();
        }

        @Test
        void footerShapedCitationWithANumberBeforeItIsAFootnote() {
            List<SourceLine> lines = LineSplitter.split(String.join("\n",
                    "tekst", "", "11 Tweede Kamer, vergaderjaar 2021–2022, 26 485, nr. 380",
                    "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 5"));
            Footers footers = Footers.find(lines);
            assertThat(footers.isFooter()[2]).isFalse();
            assertThat(footers.isFooter()[3]).isTrue();
            assertThat(footers.own().dossier()).isNull();
        }
    }
}
