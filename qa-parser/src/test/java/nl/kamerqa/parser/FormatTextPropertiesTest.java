package nl.kamerqa.parser;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.format.DocxTextExtractor;
import nl.kamerqa.parser.format.PdfTextExtractor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text every format turns into — PDFBox's text of the PDFs, the Word letter's text, pdftotext and pdftotext
 * -layout output, pandoc's text, the handmade lists and nota — keeps every question number, once, however its lines
 * are broken, and never makes the parser throw.
 */
class FormatTextPropertiesTest {

    private static final QaParser PARSER = QaParser.create();
    private static final Map<String, String> TEXTS = new LinkedHashMap<>();
    private static final Map<String, List<String>> NUMBERS = new LinkedHashMap<>();

    static {
        for (String id : List.of("ah-tk-20142015-698", "ah-tk-20232024-1786", "ah-tk-20232024-1999")) {
            TEXTS.put(id + " (PDFBox)", PdfTextExtractor.extract(Samples.bytes("/formats/" + id + ".pdf")));
            TEXTS.put(id + " (pdftotext)", Samples.pdftotext(id));
            TEXTS.put(id + " (pdftotext -layout)", Samples.pdftotextLayout(id));
        }
        TEXTS.put("answer letter (Word)", DocxTextExtractor.extract(Samples.answerLetterDocx()));
        TEXTS.put("answer letter (pandoc)", Samples.answerLetterPandocText());
        TEXTS.put("lijst met nummers", Samples.lijstVanVragenWithBareNumbers());
        TEXTS.put("lijst zonder antwoordkoppen", Samples.lijstVanVragenWithoutAnswerHeadings());
        TEXTS.put("nota", Samples.notaNaarAanleidingVanHetVerslag());
        numbers("ah-tk-20142015-698", 6);
        numbers("ah-tk-20232024-1786", 15);
        numbers("ah-tk-20232024-1999", 3);
        NUMBERS.put("answer letter (Word)", range(10));
        NUMBERS.put("answer letter (pandoc)", range(10));
        NUMBERS.put("lijst met nummers", range(10));
        NUMBERS.put("lijst zonder antwoordkoppen", range(6));
        NUMBERS.put("nota", range(9));
    }

    private static void numbers(String id, int count) {
        for (String form : List.of(" (PDFBox)", " (pdftotext)", " (pdftotext -layout)")) {
            NUMBERS.put(id + form, range(count));
        }
    }

    private static List<String> range(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(String::valueOf).toList();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(List.copyOf(TEXTS.keySet()));
    }

    @Example
    void everyTextGivesItsQuestionNumbersUnchanged() {
        for (String name : TEXTS.keySet()) {
            assertThat(numbersOf(TEXTS.get(name))).as(name).containsExactlyElementsOf(NUMBERS.get(name));
        }
    }

    @Property(tries = 60)
    void randomLineBreaksKeepEveryQuestionNumberOnce(@ForAll("texts") String name, @ForAll long seed,
                                                    @ForAll @IntRange(min = 1, max = 200) int breaks) {
        Random random = new Random(seed);
        char[] chars = TEXTS.get(name).toCharArray();
        for (int k = 0; k < breaks; k++) {
            int at = random.nextInt(chars.length);
            while (at < chars.length && !(chars[at] == ' ' && at > 0 && chars[at - 1] != '\n' && chars[at - 1] != ' ')) {
                at++;
            }
            if (at < chars.length) {
                chars[at] = '\n';
            }
        }
        assertThat(numbersOf(new String(chars))).as(name).containsExactlyElementsOf(NUMBERS.get(name));
    }

    @Property(tries = 40)
    void crlfAndExtraBlankLinesKeepEveryQuestionNumberOnce(@ForAll("texts") String name, @ForAll long seed) {
        Random random = new Random(seed);
        String perturbed = Arrays.stream(TEXTS.get(name).split("\n", -1))
                .map(line -> line + (random.nextInt(6) == 0 ? "\n" : "") + (random.nextBoolean() ? "\r" : ""))
                .collect(Collectors.joining("\n"));
        assertThat(numbersOf(perturbed)).as(name).containsExactlyElementsOf(NUMBERS.get(name));
    }

    @Property(tries = 60)
    void cutAndSplicedTextsNeverMakeTheParserThrow(@ForAll("texts") String first, @ForAll("texts") String second,
                                                   @ForAll @IntRange(min = 0, max = 100_000) int cut,
                                                   @ForAll @IntRange(min = 0, max = 100_000) int from) {
        String a = TEXTS.get(first);
        String b = TEXTS.get(second);
        String spliced = a.substring(0, Math.min(cut, a.length())) + b.substring(Math.min(from, b.length()));
        ParsedDocument parsed = PARSER.parseText(spliced);
        assertThat(parsed.questions()).extracting(Question::number).doesNotHaveDuplicates();
        parsed.questions().forEach(q -> assertThat(q.text()).isNotNull());
    }

    @Property(tries = 300)
    void genreShapedNoiseNeverMakesTheParserThrow(@ForAll("genreShapedText") String text) {
        ParsedDocument parsed = PARSER.parseText(text);
        assertThat(parsed.questions()).extracting(Question::number).doesNotHaveDuplicates();
        parsed.questions().forEach(q -> assertThat(q.text()).isNotNull());
        assertThat(parsed.warnings()).hasSizeLessThanOrEqualTo(51);
    }

    @Provide
    Arbitrary<String> genreShapedText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("\n", "\n\n", "\r\n", "\f", " ", "?", ".", ",", "-\n", "Vraag 1", "Vraag", "Vraag 2 en 3",
                        "Vraag 3, 4, 5 en 6", "Vragen 2 en\n3", "Antwoord", "Antwoord 1", "Antwoord 2 en 3",
                        "Antwoord op vragen 7, 8, en 9", "Antwoord op vraag 999", "Zie antwoord op vraag 2.",
                        "Mededeling", "Mededeling van Minister X (ontvangen 7 juni 2024).",
                        "Antwoord van Minister Schippers (VWS) (ontvangen 26 november 2014).",
                        "Vragen van het lid Bouwmeester (PvdA) aan de Minister van VWS over X (ingezonden 3 oktober 2014).",
                        "Vragen van de leden A (P1) en B (beiden P2) aan de Minister over Y.", "Aanhangsel van de Handelingen",
                        "Tweede Kamer der Staten-Generaal", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel",
                        "Tweede Kamer, vergaderjaar 2023–2024, 36 410 XV, nr. 12 3", "LIJST VAN VRAGEN EN ANTWOORDEN",
                        "NOTA NAAR AANLEIDING VAN HET\nVERSLAG", "1. Inleiding", "2.1 Financiën", "5, 6 en 7", "5,\n6 en 7",
                        "De leden van de D66-fractie vragen", "Deze leden vragen", "ah-tk-20142015-698", "ISSN 0921 - 7398",
                        "’s-Gravenhage 2014", "[^1]", "[^99]", "[1]", "[1] Kamerstuk", " 1)", "1)  Noot", "?1, 2", "2018?10",
                        "De voorzitter van de commissie,\nKisteman", "+----+\n| cel |\n+----+"),
                Arbitraries.integers().between(0, 40).map(n -> "\n" + n + "\n"),
                Arbitraries.integers().between(0, 40).map(n -> "\n\n" + n + " tekst"),
                Arbitraries.strings().alpha().ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(4));
        return pieces.list().ofMaxSize(300).map(list -> String.join("", list));
    }

    private static List<String> numbersOf(String text) {
        return PARSER.parseText(text).questions().stream().map(Question::number).toList();
    }
}
