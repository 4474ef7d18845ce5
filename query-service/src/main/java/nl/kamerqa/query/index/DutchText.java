package nl.kamerqa.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.DutchStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Lucene's {@link DutchAnalyzer} (standard tokens, lower case, Dutch stop words, its stem overrides, the Snowball
 * Dutch stemmer), with the stems cached ({@link CachedStemFilter}). {@code DutchTextTest} checks that it gives the
 * same tokens as DutchAnalyzer on real documents.
 */
final class DutchText extends Analyzer {

    // DutchAnalyzer's own default overrides (its DEFAULT_STEM_DICT is not public)
    private static final StemmerOverrideMap OVERRIDES = overrides();

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new StopFilter(result, DutchAnalyzer.getDefaultStopSet());
        result = new StemmerOverrideFilter(result, OVERRIDES);
        result = new CachedStemFilter(result, new DutchStemmer());
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static StemmerOverrideMap overrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        builder.add("fiets", "fiets");
        builder.add("bromfiets", "bromfiets");
        builder.add("ei", "eier");
        builder.add("kind", "kinder");
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
