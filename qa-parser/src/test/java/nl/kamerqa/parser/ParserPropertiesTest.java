package nl.kamerqa.parser;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Question;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** For any input the parser returns a record; perturbing the sample never loses or duplicates a question. */
class ParserPropertiesTest {

    private static final QaParser PARSER = QaParser.create();
    private static final String SAMPLE = Samples.reportWithCombinedAnswers();
    private static final List<String> ALL_NUMBERS =
            IntStream.rangeClosed(1, 46).mapToObj(String::valueOf).toList();

    @Property(tries = 300)
    void arbitraryStringsNeverMakeTheParserThrow(@ForAll String text) {
        ParsedDocument parsed = PARSER.parseText(text);
        assertThat(parsed).isNotNull();
        assertThat(parsed.questions()).extracting(Question::number).doesNotHaveDuplicates();
    }

    @Property(tries = 300)
    void reportShapedNoiseNeverMakesTheParserThrow(@ForAll("reportShapedText") String text) {
        ParsedDocument parsed = PARSER.parseText(text);
        assertThat(parsed.questions()).extracting(Question::number).doesNotHaveDuplicates();
        parsed.questions().forEach(q -> assertThat(q.text()).isNotNull());
    }

    @Property(tries = 30)
    void randomLineBreaksKeepEveryQuestionNumber(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int breaks) {
        Random random = new Random(seed);
        char[] chars = SAMPLE.toCharArray();
        for (int k = 0; k < breaks; k++) {
            int at = random.nextInt(chars.length);
            while (at < chars.length && !(chars[at] == ' ' && at > 0 && chars[at - 1] != '\n' && chars[at - 1] != ' ')) {
                at++;
            }
            if (at < chars.length) {
                chars[at] = '\n';
            }
        }
        assertNumbersKept(new String(chars));
    }

    @Property(tries = 30)
    void mixedCrlfAndExtraBlankLinesKeepEveryQuestionNumber(@ForAll long seed) {
        Random random = new Random(seed);
        String perturbed = Arrays.stream(SAMPLE.split("\n", -1))
                .map(line -> line + (random.nextInt(5) == 0 ? "\n" : "") + (random.nextBoolean() ? "\r" : ""))
                .collect(Collectors.joining("\n"));
        assertNumbersKept(perturbed);
    }

    @Property(tries = 20)
    void removedPageFootersKeepEveryQuestionNumber(@ForAll @Size(max = 3) Set<@IntRange(min = 0, max = 2) Integer> removed) {
        int[] footer = {0};
        String perturbed = Arrays.stream(SAMPLE.split("\n", -1))
                .filter(line -> !(line.startsWith("Tweede Kamer, vergaderjaar") && removed.contains(footer[0]++)))
                .collect(Collectors.joining("\n"));
        assertNumbersKept(perturbed);
    }

    private static void assertNumbersKept(String text) {
        List<String> numbers = PARSER.parseText(text).questions().stream().map(Question::number).toList();
        assertThat(numbers).containsExactlyElementsOf(ALL_NUMBERS);
    }

    @Provide
    Arbitrary<String> reportShapedText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("\n", "\n\n", "\r\n", "\f", " ", "\t", "\u00A0", "\uFEFF", "-", "-\n", "–", ".", ",",
                        "Antwoord", "Antwoord vraag 3 en 4", "Antwoord op vraag 999", "Antwoord vragen 1 t/m 999",
                        "Vragen en opmerkingen van de leden van de VVD-fractie",
                        "Vragen en opmerkingen van de leden van de\n", "ChristenUnie-\nfractie",
                        "Vragen en opmerkingen vanuit de fracties en reactie van de\nbewindspersoon",
                        "Tweede Kamer, vergaderjaar 2022–2023, 36 200 VII, nr. 147 ",
                        "Eerste Kamer, vergaderjaar 2022–2023, 36 200 VII, C ", "Kamerstuk 35 165, nr. 51",
                        "Kamerstukken 30 995 en 33 340, nr. ", "zijn.1", "20214", "IMA-202118", "MaaS19-", "¹",
                        "https://www.example.nl/a-", "De Minister van Binnenlandse Zaken,\nH.G.J. Bruins Slot"),
                Arbitraries.integers().between(0, 60).map(n -> "\n" + n + ". "),
                Arbitraries.integers().between(0, 30).map(n -> "\n\n" + n + " "),
                Arbitraries.integers().between(0, 3000).map(String::valueOf),
                Arbitraries.strings().alpha().ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(5));
        return pieces.list().ofMaxSize(400).map(list -> String.join("", list));
    }

    @Property(tries = 10)
    void parsingTwiceGivesTheSameRecord(@ForAll("reportShapedText") String text) {
        assertThat(PARSER.parseText(text)).isEqualTo(PARSER.parseText(text));
    }
}
