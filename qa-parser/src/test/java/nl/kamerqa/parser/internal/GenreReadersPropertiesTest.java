package nl.kamerqa.parser.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.kamerqa.contracts.ParsedDocument.Question;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registered reader, asked about any text and made to read it whether or not it is of its genre: it never
 * throws, stays within its ceiling, leaves the layout's warnings alone when asked, and never gives a question 0 or
 * a number twice; the registry's shortcut never changes its choice.
 */
class GenreReadersPropertiesTest {

    private static final List<String> SNIPPETS = GenreFixtures.snippetTexts();

    @Property(tries = 200)
    void everyReaderDetectsAndReadsAnyTextSafely(@ForAll String text) {
        assertEveryReaderDetectsAndReadsSafely(text);
    }

    @Property(tries = 300)
    void everyReaderDetectsAndReadsGenreShapedNoiseSafely(@ForAll("genreShapedText") String text) {
        assertEveryReaderDetectsAndReadsSafely(text);
    }

    @Property(tries = 300)
    void everyReaderDetectsAndReadsMutatedSnippetsSafely(@ForAll("mutatedSnippet") String text) {
        assertEveryReaderDetectsAndReadsSafely(text);
    }

    @Property(tries = 300)
    void choosingIsAskingEveryReaderAndTakingTheFirstMostConfident(@ForAll("mutatedSnippet") String text) {
        TextLayout layout = GenreFixtures.layout(text);
        GenreReader<?> best = null;
        double most = -1;
        for (GenreReader<?> reader : GenreReaders.STANDARD.readers()) {
            double confidence = reader.detect(layout, text).confidence();
            if (confidence > most) {
                best = reader;
                most = confidence;
            }
        }

        assertThat(GenreReaders.STANDARD.choose(layout, text).reader()).isSameAs(best);
    }

    private static void assertEveryReaderDetectsAndReadsSafely(String text) {
        for (GenreReader<?> reader : GenreReaders.STANDARD.readers()) {
            TextLayout layout = GenreFixtures.layout(text);
            List<String> before = layout.warnings().list();
            GenreReaders.Claim<?> claim = GenreReaders.claim(reader, layout, text);

            assertThat(claim.detection().confidence()).as(reader.genre().name()).isBetween(0.0, reader.ceiling());
            assertThat(layout.warnings().list()).as("warnings after asking %s", reader.genre()).isEqualTo(before);

            Reading reading = claim.read(layout);
            assertThat(reading.questions()).extracting(Question::number).as(reader.genre().name())
                    .doesNotContain("0").doesNotHaveDuplicates();
            assertThat(reading.warnings()).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> genreShapedText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("\n", "\n\n", "\f", "   ", "\u00A0", "?", ".", "?\n", "Vraag 0\n", "Vraag 1\n",
                        "Vraag 2 en 3\n", "Vragen 4 t/m 6\n", "Vraag 4, 5 6 en 7\n", "Antwoord\n", "Antwoord 1\n",
                        "Antwoord op vragen 2, 3, en 4\n", "Antwoord vraag 0\n", "Mededeling\n",
                        "LIJST VAN VRAGEN EN ANTWOORDEN\n", "NOTA NAAR AANLEIDING VAN HET\nVERSLAG\n", "Nr. 12\n",
                        "Nr. 143 MOTIE VAN HET LID DIJK\n", "Aanhangsel van de Handelingen\n",
                        "Vragen van het lid Dijk (SP) aan de Minister van Financiën over banken (ingezonden 3 maart 2024).\n",
                        "Antwoord van Minister Hoekstra (Financiën) (ontvangen 4 april 2024).\n",
                        "Vragen en opmerkingen van de leden van de D66-fractie\n", "De leden van de CDA-fractie vragen of ",
                        "Deze leden verzoeken de regering ", "verslag van een schriftelijk overleg",
                        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n", "2.1 Voorgeschiedenis\n",
                        "Tweede Kamer, vergaderjaar 2023–2024, 36 450, nr. 7 ", "3. Financiële gevolgen\n",
                        "De Minister van Financiën,\nW.B. Hoekstra\n", "besluit2)", "[1]", "1.  Rapport ", "2/4"),
                Arbitraries.integers().between(0, 40).map(n -> "\n" + n + (n % 2 == 0 ? ". " : "\n")),
                Arbitraries.strings().alpha().ofMaxLength(10),
                Arbitraries.strings().ofMaxLength(4));
        return pieces.list().ofMaxSize(300).map(list -> String.join("", list));
    }

    /** A snippet with lines dropped, doubled, swapped or broken, or its line breaks flattened into spaces. */
    @Provide
    Arbitrary<String> mutatedSnippet() {
        return Arbitraries.of(SNIPPETS).flatMap(snippet -> Arbitraries.longs().map(seed -> mutate(snippet, seed)));
    }

    private static String mutate(String snippet, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of(snippet.split("\n", -1)));
        int edits = 1 + random.nextInt(6);
        for (int k = 0; k < edits && !lines.isEmpty(); k++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
                case 3 -> lines.add(at, random.nextBoolean() ? "" : "\f");
                case 4 -> {
                    String line = lines.get(at);
                    int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
                    lines.set(at, line.substring(0, cut) + "\n" + line.substring(cut));
                }
                default -> {
                    return String.join("     ", lines); // an export that flattened the line breaks
                }
            }
        }
        return String.join("\n", lines);
    }
}
