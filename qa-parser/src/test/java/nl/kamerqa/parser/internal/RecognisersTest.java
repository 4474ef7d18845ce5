package nl.kamerqa.parser.internal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One small recogniser per construct, each on the forms its convention names and on look-alikes. */
class RecognisersTest {

    @Nested
    class PageFooters {
        @Test
        void footerGivesMetadataAndPage() {
            assertThat(PageFooter.recognise("Tweede Kamer, vergaderjaar 2022–2023, 36 200 VII, nr. 147 11"))
                    .contains(new PageFooter("Tweede Kamer", "2022–2023", "36 200 VII", "147", 11));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Tweede Kamer, vergaderjaar 2022–2023, 36 200 VII, nr. 147 11 | kst-36200-VII-147",
                "Tweede Kamer, vergaderjaar 2022-2023, 21 501-32, nr. 1234 3 | kst-21501-32-1234",
                "Eerste Kamer, vergaderjaar 2022–2023, 36 200 VII, C 2 | kst-36200-VII-C",
                "Tweede Kamer, vergaderjaar 2023–2024, 36 410 A, nr. 9 | kst-36410-A-9",
                "4 Tweede Kamer, vergaderjaar 2023–2024, 31 288, nr. 988 | kst-31288-988"})
        void footerNamesTheOfficialDocumentId(String line, String id) {
            assertThat(PageFooter.recognise(line)).map(PageFooter::documentId).contains(id);
        }

        @Test
        void aanhangselFooterHasNoKamerstuk() {
            assertThat(PageFooter.recognise("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"))
                    .contains(new PageFooter("Tweede Kamer", "2023–2024", null, null, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Tweede Kamer, vergaderjaar 2022–2023 wordt geïnformeerd.",
                "De Tweede Kamer, vergaderjaar 2022–2023, 36 200 VII, nr. 147 11", "Tweede Kamer"})
        void sentencesAboutTheKamerAreNoFooters(String line) {
            assertThat(PageFooter.recognise(line)).isEmpty();
        }
    }

    @Nested
    class FootnoteMarkerCandidates {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "dat er gedeelde zorgen zijn.1 Burgers | 1 | zijn.",
                "dat momenteel in de Eerste Kamer ligt3, wordt | 3 | ligt",
                "van 5 mei 20214 op de rapporten | 4 | 2021",
                "In de IMA-202118 zijn | 18 | IMA-2021",
                "per Kamerbrief geïnformeerd op 13 mei 2022.11 | 11 | 2022.",
                "over hubs, en MaaS19-voorzieningen. | 19 | MaaS",
                "in een motie16 de regering | 16 | motie",
                "van de krant Trouw.5 Wat | 5 | Trouw.",
                "gaat om de tekst¹ hier | 1 | tekst"})
        void markerGluedToTheTextIsACandidate(String line, int number, String before) {
            assertThat(FootnoteMarkers.scan(line))
                    .anySatisfy(c -> {
                        assertThat(c.number()).isEqualTo(number);
                        assertThat(line.substring(0, c.start())).endsWith(before);
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"in 2022–2023 is", "€ 7,5 miljard", "12,5% in 2020", "artikel 2:1 van de Awb",
                "om 9.30 uur", "schalen 12 – 14", "de jaren 2022/23", "COVID-19 pandemie", "1 januari"})
        void rangesDecimalsTimesAndLooseNumbersAreNoCandidates(String line) {
            assertThat(FootnoteMarkers.scan(line)).isEmpty();
        }
    }

    @Nested
    class LineEndHyphens {
        private final WordEvidence evidence = WordEvidence.of(List.of(
                "de ChristenUnie-fractie vraagt", "over de toeslagenaffaire en de follow-up"));

        @ParameterizedTest(name = "{0} + {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
                "maatschappelijke scheids- | lijnen». Hoe | JOIN",
                "de leden van de ChristenUnie- | fractie welke | KEEP",
                "bijzin over de toeslagen- | affaire? Van | JOIN",
                "betrokken bij de follow- | up van | KEEP",
                "nieuwe grootschalige NOVEX- | woningbouwlocaties buiten | KEEP",
                "op het gebied in- | en doorstroom. | KEEP_WITH_SPACE",
                "sociaal- of | cultureel | SPACE",
                "spoorverbinding Zwolle- | Twente | KEEP",
                "https://www.rwseconomie.nl/documenten/addendum-brede- | welvaart-werkwijzer | KEEP",
                "om de toepassing (inter)de- | partementaal in | JOIN",
                "een dag – | daarna | SPACE",
                "het auto- | ongeluk | KEEP",
                "Het is de Binnen- | landse | JOIN"})
        void lineEndHyphenJoinsOrStays(String line, String next, LineEndHyphen.Join expected) {
            assertThat(LineEndHyphen.decide(line, next, evidence)).isEqualTo(expected);
        }
    }

    @Nested
    class References {
        @Test
        void oneKamerstukInTwoDossiersGivesTwoReferences() {
            assertThat(KamerstukReferences.find("zie Kamerstukken 30 995 en 33 340, nr. 101."))
                    .extracting(r -> r.dossier() + "/" + r.ondernummer())
                    .containsExactly("30 995/101", "33 340/101");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "(zie Kamerstuk 35 165, nr. 51). | 35 165/51",
                "Kamerstuk 32 847 nr. 921 | 32 847/921",
                "(Kamerstuk 36 200 VII, nr. 33) in | 36 200 VII/33",
                "Kamerstuk 35 261, A | 35 261/A",
                "Kamerstuk 36 200 A, nr. 9 | 36 200 A/9",
                "Kamerstukken II 2022/23, 36 200 VII, nr. 5 | 36 200 VII/5",
                "Kamerstuk 21 501-32, nr. 1234 | 21 501-32/1234"})
        void referenceFormsAreRead(String text, String expected) {
            assertThat(KamerstukReferences.find(text)).extracting(r -> r.dossier() + "/" + r.ondernummer())
                    .containsExactly(expected);
        }
    }
}
