package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;

/**
 * The reader of one genre, in the manner of commonmark's block parser factories: asked whether a text is of its
 * genre, it answers with a confidence ({@link #detect}); the registry ({@link GenreReaders}) hands the text to the
 * most confident one, which reads it ({@link #read}). A new genre is one such class, registered in
 * {@link GenreReaders#STANDARD}, and a snippet corpus of its own. Readers are stateless and thread-safe.
 *
 * @param <F> what detection found and reading needs (a title and its line, the report read so far)
 */
interface GenreReader<F> {

    /** The genre this reader reads (the genre it writes may be narrower, as a title names it). */
    Genre genre();

    /**
     * The highest confidence {@link #detect} can give: the registry does not ask a reader that could not outrank
     * the most confident one so far (the report reader reads the whole text to answer).
     */
    double ceiling();

    /**
     * How sure this reader is that the text is of its genre, and what it found; confidence 0 when the text is not.
     * Never changes the layout (no warnings: another reader may be chosen) and never throws on text.
     *
     * @param text the text the layout was made of
     */
    Detection<F> detect(TextLayout layout, String text);

    /**
     * The document's records, read as this genre; accepts any detection of its own, even one of confidence 0.
     * Writes what it notices into the layout's warnings.
     */
    Reading read(TextLayout layout, Detection<F> detection);
}
