package nl.kamerqa.parser.internal;

import java.util.List;

/**
 * The registry of genre readers: asks each in turn whether a text is of its genre and chooses the most confident
 * (on equal confidence the one registered first), as commonmark's document parser asks its block parser factories.
 * Readers are listed strongest evidence first, so that once one is sure, those that could not outrank it are not
 * asked ({@link GenreReader#ceiling()}).
 */
final class GenreReaders {

    /** Every genre the text route reads; the fallback, which takes any text, last. */
    static final GenreReaders STANDARD = new GenreReaders(List.of(
            new LijstReader(),
            new NotaReader(),
            new KamervragenReader(),
            new ReportReader(),
            new KamerstukReader()));

    private final List<GenreReader<?>> readers;

    GenreReaders(List<GenreReader<?>> readers) {
        this.readers = List.copyOf(readers);
    }

    List<GenreReader<?>> readers() {
        return readers;
    }

    /** The reader that takes the text, with its detection. */
    Claim<?> choose(TextLayout layout, String text) {
        Claim<?> best = null;
        for (GenreReader<?> reader : readers) {
            if (best != null && reader.ceiling() <= best.detection().confidence()) {
                continue; // it could at most tie, and the earlier reader wins a tie
            }
            Claim<?> claim = claim(reader, layout, text);
            if (best == null || claim.detection().confidence() > best.detection().confidence()) {
                best = claim;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no genre reader registered");
        }
        return best;
    }

    static <F> Claim<F> claim(GenreReader<F> reader, TextLayout layout, String text) {
        return new Claim<>(reader, reader.detect(layout, text));
    }

    /** A reader with its detection of one text. */
    record Claim<F>(GenreReader<F> reader, Detection<F> detection) {

        Reading read(TextLayout layout) {
            return reader.read(layout, detection);
        }
    }
}
