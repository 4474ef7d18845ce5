package nl.kamerqa.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A text analyzed once, its tokens kept to be indexed more than once: a question's words go into its own entry and,
 * joined with the other questions', into its document's entry, and analysis is most of what indexing costs.
 */
final class AnalyzedText {

    private final int length;
    private final List<String> terms = new ArrayList<>();
    private final List<int[]> positions = new ArrayList<>(); // {increment, start offset, end offset}
    private int trailingIncrement;

    private AnalyzedText(int length) {
        this.length = length;
    }

    static AnalyzedText of(Analyzer analyzer, String field, String text) {
        AnalyzedText analyzed = new AnalyzedText(text.length());
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                analyzed.terms.add(term.toString());
                analyzed.positions.add(new int[]{increment.getPositionIncrement(), offset.startOffset(), offset.endOffset()});
            }
            tokens.end();
            analyzed.trailingIncrement = increment.getPositionIncrement(); // stop words after the last token
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze a text in memory", e);
        }
        return analyzed;
    }

    /** The tokens of this text. */
    TokenStream tokens() {
        return joined(List.of(this));
    }

    /**
     * The tokens of several texts as if they had been analyzed joined by line breaks: offsets shifted, the stop words
     * at the end of one text counted in the next one's first position.
     */
    static TokenStream joined(List<AnalyzedText> texts) {
        return new Replay(texts);
    }

    private static final class Replay extends TokenStream {
        private final List<AnalyzedText> texts;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int text;
        private int token;
        private int shift;
        private int carried;

        Replay(List<AnalyzedText> texts) {
            this.texts = texts;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            text = 0;
            token = 0;
            shift = 0;
            carried = 0;
        }

        @Override
        public boolean incrementToken() {
            while (text < texts.size() && token == texts.get(text).terms.size()) {
                carried += texts.get(text).trailingIncrement;
                shift += texts.get(text).length + 1;
                text++;
                token = 0;
            }
            if (text == texts.size()) {
                return false;
            }
            clearAttributes();
            AnalyzedText current = texts.get(text);
            int[] at = current.positions.get(token);
            term.setEmpty().append(current.terms.get(token));
            increment.setPositionIncrement(at[0] + carried);
            offset.setOffset(shift + at[1], shift + at[2]);
            carried = 0;
            token++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int total = Math.max(0, texts.stream().mapToInt(t -> t.length + 1).sum() - 1);
            offset.setOffset(total, total);
            increment.setPositionIncrement(carried); // the last text's trailing stop words, counted when it ran out
        }
    }
}
