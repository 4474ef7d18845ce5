package nl.kamerqa.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's analysis is Lucene's DutchAnalyzer, only faster: same tokens, positions and offsets. */
class DutchTextTest {

    // real parliamentary Dutch: a written consultation and two Kamervragen (pdftotext output), kept by qa-parser
    private static final List<String> SAMPLES = List.of("kst-36200-VII-147.txt",
            "ah-tk-20232024-1786.pdftotext.txt", "ah-tk-20142015-698.pdftotext.txt");
    private static final Path SAMPLE_DIR = Path.of("../qa-parser/src/test/resources/samples");

    @Test
    void cachedStemsGiveTheSameTokensAsDutchAnalyzerOnRealDocuments() throws IOException {
        try (Analyzer reference = new DutchAnalyzer(); Analyzer cached = new DutchText()) {
            for (String sample : SAMPLES) {
                String text = Files.readString(SAMPLE_DIR.resolve(sample));
                List<String> expected = tokens(reference, text);
                assertThat(expected).as(sample).hasSizeGreaterThan(500);
                assertThat(tokens(cached, text)).as(sample).isEqualTo(expected);
                // a second pass is served from the cache
                assertThat(tokens(cached, text)).as(sample + ", again").isEqualTo(expected);
            }
        }
    }

    @Test
    void stemOverridesAndStopWordsAreDutchAnalyzers() throws IOException {
        String text = "De kinderen van de fietsen en de eieren; het kind en de bromfiets, het ei. Financiën én Ministeries";
        try (Analyzer reference = new DutchAnalyzer(); Analyzer cached = new DutchText()) {
            assertThat(tokens(cached, text)).isEqualTo(tokens(reference, text));
        }
    }

    @Test
    void aFullCacheIsEmptiedAndStillStemsRight() throws IOException {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < CachedStemFilter.MAX_CACHED + 500; i++) {
            words.append("regeling").append(letters(i)).append("en ");
        }
        String text = words.toString();
        try (Analyzer reference = new DutchAnalyzer(); Analyzer cached = new DutchText()) {
            assertThat(tokens(cached, text)).isEqualTo(tokens(reference, text));
        }
    }

    @Test
    void textsAnalyzedApartAndReplayedJoinedGiveTheTokensOfTheJoinedText() throws IOException {
        // stop words at the end of one text and the start of the next shift the positions across the join
        List<String> parts = List.of("Hoe groot is het gemeentefonds in", "en wat is de bijdrage van het Rijk?",
                "", "De minister antwoordt niet.");
        try (Analyzer analyzer = new DutchText()) {
            List<AnalyzedText> analyzed = new ArrayList<>();
            parts.forEach(part -> analyzed.add(AnalyzedText.of(analyzer, "text", part)));
            List<String> replayed = tokens(AnalyzedText.joined(analyzed));
            assertThat(replayed).isEqualTo(tokens(analyzer, String.join("\n", parts)));
            assertThat(tokens(analyzed.get(1).tokens())).isEqualTo(tokens(analyzer, parts.get(1)));
        }
    }

    /** 0 → "a", 25 → "z", 26 → "ba": distinct words without digits (the tokenizer would split on digits). */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        do {
            out.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return out.toString();
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        return tokens(analyzer.tokenStream("text", text));
    }

    /** Each token as "term/increment/start-end", then the final increment and offset. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream tokens = stream) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(term + "/" + increment.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
            }
            tokens.end();
            out.add("end/" + increment.getPositionIncrement() + "/" + offset.endOffset());
        }
        return out;
    }
}
