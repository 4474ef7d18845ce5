package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry of genre readers: every reader takes the snippets of its own corpus with the highest confidence, no
 * reader registered before it ties, and where two genres' evidence meet on one page the stronger kind wins.
 */
class GenreReadersTest {

    private static final GenreReaders READERS = GenreReaders.STANDARD;

    static List<GenreFixtures.Snippet> snippets() {
        return GenreFixtures.snippets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void snippetGoesToTheReaderOfItsGenreAndNoReaderOutranksIt(GenreFixtures.Snippet snippet) {
        String text = snippet.example().input();
        TextLayout layout = GenreFixtures.layout(text);
        List<GenreReader<?>> readers = READERS.readers();
        int own = indexOf(snippet.reader());
        double confidence = readers.get(own).detect(layout, text).confidence();

        assertThat(confidence).as("confidence of the %s reader", snippet.reader()).isPositive();
        for (int k = 0; k < readers.size(); k++) {
            double other = readers.get(k).detect(layout, text).confidence();
            if (k < own) {
                assertThat(other).as("%s registered before it", readers.get(k).genre()).isLessThan(confidence);
            } else {
                assertThat(other).as("%s", readers.get(k).genre()).isLessThanOrEqualTo(confidence);
            }
        }
        assertThat(READERS.choose(layout, text).reader().genre()).isEqualTo(snippet.reader());
    }

    @Test
    void everyRegisteredReaderHasSnippetsOfItsOwnAndEveryGenreOneReader() {
        List<Genre> registered = READERS.readers().stream().map(GenreReader::genre).toList();
        Set<Genre> withSnippets = snippets().stream().map(GenreFixtures.Snippet::reader).collect(Collectors.toSet());

        assertThat(registered).doesNotHaveDuplicates();
        assertThat(withSnippets).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void theFallbackIsRegisteredLastAndTakesAnyText() {
        GenreReader<?> last = READERS.readers().get(READERS.readers().size() - 1);

        assertThat(last.genre()).isEqualTo(Genre.KAMERSTUK);
        assertThat(last.detect(GenreFixtures.layout(""), "").confidence()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Geachte voorzitter,\n\nHierbij bied ik u de jaarrapportage aan.\n\nHoogachtend,",
            "1. Het kabinet verlengt de regeling.\n\n2. De kosten worden gedekt.\n"})
    void textOfNoGenreGoesToTheOtherKamerstukReader(String text) {
        TextLayout layout = GenreFixtures.layout(text);

        assertThat(READERS.choose(layout, text).reader().genre()).isEqualTo(Genre.KAMERSTUK);
    }

    @Test
    void motieIsAKamerstukWithTheGenreItsTitleNamesAndNoQuestions() {
        String text = """
                32 545 Wet- en regelgeving financiële markten
                Nr. 143 MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS
                Voorgesteld 5 juni 2024
                De Kamer,
                gehoord de beraadslaging,
                verzoekt de regering om het verbod te handhaven,
                en gaat over tot de orde van de dag.
                """;
        TextLayout layout = GenreFixtures.layout(text);
        Reading reading = READERS.choose(layout, text).read(layout);

        assertThat(reading.genre()).isEqualTo(Genre.KAMERSTUK.name());
        assertThat(reading.title()).isEqualTo("MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS");
        assertThat(reading.questions()).isEmpty();
    }

    @Test
    void notaCitingKamervragenOnItsFirstPageIsANota() {
        // the title outranks a mark of another genre: a nota may cite the Aanhangsel
        String text = """
                Nr. 7
                NOTA NAAR AANLEIDING VAN HET VERSLAG
                Ontvangen 18 maart 2024
                1
                De leden van de VVD-fractie vragen naar de antwoorden in het Aanhangsel van de Handelingen, nr. 1234.
                De regering verwijst naar die antwoorden.
                """;

        assertChosen(text, Genre.NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG, Genre.KAMERVRAGEN);
    }

    @Test
    void aanhangselWithNumberedQuestionsAndAnswerHeadingsIsKamervragenNotAReport() {
        // the Aanhangsel's mark outranks the shape of a report
        String text = """
                Aanhangsel van de Handelingen
                Vragen van het lid Dijk (SP) aan de Minister van Financiën over de bankenbelasting (ingezonden 1 maart 2024).
                1. Kent u het bericht «Banken betalen minder belasting»?
                Antwoord
                Ja.
                """;

        assertChosen(text, Genre.KAMERVRAGEN, Genre.SCHRIFTELIJK_OVERLEG);
    }

    @Test
    void vraagLabelsOutrankTheShapeOfAReport() {
        // a letter without its heading: "Vraag" labels, its questions numbered inside, "Antwoord" headings
        String text = """
                Vraag 1 en 2
                1. Kent u het bericht «Wachtlijsten lopen op»?
                2. Hoeveel kinderen wachten langer dan drie maanden?
                Antwoord 1 en 2
                Ja. Ongeveer vierduizend.
                """;

        assertChosen(text, Genre.KAMERVRAGEN, Genre.SCHRIFTELIJK_OVERLEG);
    }

    @Test
    void textThatNamesASchriftelijkOverlegIsAReportRatherThanSomeKamerstuk() {
        String text = """
                Verslag van een schriftelijk overleg
                De vaste commissie voor Justitie en Veiligheid heeft vragen voorgelegd aan de minister.
                """;

        assertChosen(text, Genre.SCHRIFTELIJK_OVERLEG, Genre.KAMERSTUK);
    }

    static Stream<Arguments> evidence() {
        return Stream.of(
                Arguments.of("lijst title", "Nr. 12\nLIJST VAN VRAGEN EN ANTWOORDEN\n1\nHoeveel?\n",
                        Genre.LIJST_VAN_VRAGEN_EN_ANTWOORDEN, Detection.TITLE),
                Arguments.of("verslag in the form of a list", "De commissie brengt verslag uit in de vorm van een lijst "
                        + "van vragen met de daarop gegeven antwoorden.\n", Genre.LIJST_VAN_VRAGEN_EN_ANTWOORDEN,
                        Detection.TITLE),
                Arguments.of("nota title for the lijst reader", "Nr. 7\nNOTA NAAR AANLEIDING VAN HET VERSLAG\n",
                        Genre.LIJST_VAN_VRAGEN_EN_ANTWOORDEN, 0.0),
                Arguments.of("nota title", "Nr. 7\nNOTA NAAR AANLEIDING VAN HET VERSLAG\n",
                        Genre.NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG, Detection.TITLE),
                Arguments.of("Aanhangsel", "Aanhangsel van de Handelingen\nVraag 1\nHoeveel?\n", Genre.KAMERVRAGEN,
                        Detection.MARKED),
                Arguments.of("Kamervragen heading", "Vragen van het lid Dijk (SP) aan de Minister van Financiën over "
                        + "banken (ingezonden 1 maart 2024).\n", Genre.KAMERVRAGEN, Detection.MARKED),
                Arguments.of("Vraag labels", "Vraag 1\nHoeveel?\nAntwoord 1\nVeel.\n", Genre.KAMERVRAGEN,
                        Detection.LABELS),
                Arguments.of("Vraag labels under a party heading",
                        "Vragen en opmerkingen van de leden van de VVD-fractie\nVraag 1\nHoeveel?\n",
                        Genre.KAMERVRAGEN, 0.0),
                Arguments.of("party section", "Vragen en opmerkingen van de leden van de VVD-fractie\n\n1. Hoeveel?\n",
                        Genre.SCHRIFTELIJK_OVERLEG, Detection.SHAPE),
                Arguments.of("mention of a schriftelijk overleg", "Verslag van een schriftelijk overleg\n",
                        Genre.SCHRIFTELIJK_OVERLEG, Detection.MENTION),
                Arguments.of("a letter for the report reader", "Geachte voorzitter,\n", Genre.SCHRIFTELIJK_OVERLEG, 0.0),
                Arguments.of("a letter", "Geachte voorzitter,\n", Genre.KAMERSTUK, Detection.FALLBACK));
    }

    @ParameterizedTest(name = "{0}: {2} at {3}")
    @MethodSource("evidence")
    void readerGivesTheConfidenceItsKindOfEvidenceIsWorth(String evidence, String text, Genre reader, double level) {
        GenreReader<?> own = READERS.readers().get(indexOf(reader));

        assertThat(own.detect(GenreFixtures.layout(text), text).confidence()).isEqualTo(level);
    }

    @Test
    void aReaderThatCouldNotOutrankTheChosenOneIsNotAsked() {
        GenreReader<Void> sure = new FixedReader(Genre.KAMERVRAGEN, Detection.MARKED, Detection.MARKED);
        GenreReader<Void> neverAsked = new FixedReader(Genre.SCHRIFTELIJK_OVERLEG, Detection.SHAPE, Detection.SHAPE) {
            @Override
            public Detection<Void> detect(TextLayout layout, String text) {
                throw new AssertionError("asked although it could not outrank a reader at " + Detection.MARKED);
            }
        };
        TextLayout layout = GenreFixtures.layout("x");

        assertThat(new GenreReaders(List.of(sure, neverAsked)).choose(layout, "x").reader()).isSameAs(sure);
    }

    @Test
    void theMostConfidentReaderWinsAndATieGoesToTheOneRegisteredFirst() {
        GenreReader<Void> sure = new FixedReader(Genre.KAMERVRAGEN, Detection.MARKED, Detection.MARKED);
        GenreReader<Void> surer = new FixedReader(Genre.NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG, Detection.TITLE,
                Detection.TITLE);
        GenreReader<Void> asSure = new FixedReader(Genre.LIJST_VAN_VRAGEN_EN_ANTWOORDEN, Detection.TITLE,
                Detection.MARKED);
        TextLayout layout = GenreFixtures.layout("x");

        assertThat(new GenreReaders(List.of(sure, surer)).choose(layout, "x").reader()).isSameAs(surer);
        assertThat(new GenreReaders(List.of(sure, asSure)).choose(layout, "x").reader()).isSameAs(sure);
        assertThat(new GenreReaders(List.of(asSure, sure)).choose(layout, "x").reader()).isSameAs(asSure);
    }

    private static void assertChosen(String text, Genre winner, Genre outranked) {
        TextLayout layout = GenreFixtures.layout(text);
        double loser = READERS.readers().get(indexOf(outranked)).detect(layout, text).confidence();

        assertThat(loser).as("%s detects the text too", outranked).isPositive();
        assertThat(READERS.choose(layout, text).reader().genre()).isEqualTo(winner);
    }

    private static int indexOf(Genre genre) {
        List<GenreReader<?>> readers = READERS.readers();
        for (int k = 0; k < readers.size(); k++) {
            if (readers.get(k).genre() == genre) {
                return k;
            }
        }
        throw new AssertionError("no reader registered for " + genre);
    }

    /** A reader with a fixed confidence, to test the registry's choice. */
    private static class FixedReader implements GenreReader<Void> {
        private final Genre genre;
        private final double ceiling;
        private final double confidence;

        FixedReader(Genre genre, double ceiling, double confidence) {
            this.genre = genre;
            this.ceiling = ceiling;
            this.confidence = confidence;
        }

        @Override
        public Genre genre() {
            return genre;
        }

        @Override
        public double ceiling() {
            return ceiling;
        }

        @Override
        public Detection<Void> detect(TextLayout layout, String text) {
            return new Detection<>(confidence, null);
        }

        @Override
        public Reading read(TextLayout layout, Detection<Void> detection) {
            throw new UnsupportedOperationException();
        }
    }
}
