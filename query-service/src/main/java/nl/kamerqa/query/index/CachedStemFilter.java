package nl.kamerqa.query.index;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.tartarus.snowball.SnowballStemmer;

import java.io.IOException;
import java.util.Arrays;

/**
 * {@link SnowballFilter} with a cache of the stems it has computed: parliamentary texts use a few tens of thousands
 * of words over and over, and the Snowball stemmer took a third of the index build's time. Same output as
 * SnowballFilter (keywords untouched). One instance belongs to one analyzer's per-thread components, so the cache
 * needs no locking; it is emptied when full rather than evicting word by word.
 */
final class CachedStemFilter extends TokenFilter {

    static final int MAX_CACHED = 100_000;

    private final SnowballStemmer stemmer;
    private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    CachedStemFilter(TokenStream input, SnowballStemmer stemmer) {
        super(input);
        this.stemmer = stemmer;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;
        }
        char[] stem = stems.get(term.buffer(), 0, term.length());
        if (stem == null) {
            char[] word = Arrays.copyOf(term.buffer(), term.length()); // before the stemmer changes the buffer in place
            stemmer.setCurrent(term.buffer(), term.length());
            stemmer.stem();
            stem = Arrays.copyOf(stemmer.getCurrentBuffer(), stemmer.getCurrentBufferLength());
            if (stems.size() >= MAX_CACHED) {
                stems.clear();
            }
            stems.put(word, stem);
        }
        term.copyBuffer(stem, 0, stem.length);
        return true;
    }
}
