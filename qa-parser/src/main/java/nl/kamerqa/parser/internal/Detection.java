package nl.kamerqa.parser.internal;

/**
 * A {@link GenreReader}'s answer to "is this text of your genre?".
 * <p>
 * Readers give one of the confidences below, so that the kinds of evidence compare across genres: a title naming a
 * genre outranks a mark only one genre prints, which outranks labels, which outrank a text's shape, which outranks
 * a mere mention; any text at all is some Kamerstuk.
 *
 * @param confidence 0 (not this genre) to 1
 * @param found      what the detection found and reading needs; null when the reader needs nothing
 */
record Detection<F>(double confidence, F found) {

    /** The first page's title names the genre ("LIJST VAN VRAGEN EN ANTWOORDEN"). */
    static final double TITLE = 0.9;
    /** A mark only that genre prints ("Aanhangsel van de Handelingen", "Vragen van het lid ... aan ..."). */
    static final double MARKED = 0.8;
    /** The genre's labels ("Vraag 1"), and no other genre's. */
    static final double LABELS = 0.6;
    /** Read as that genre, the text has its shape (party sections, answered numbered questions). */
    static final double SHAPE = 0.5;
    /** The text names the genre ("schriftelijk overleg"). */
    static final double MENTION = 0.3;
    /** Any text is some Kamerstuk. */
    static final double FALLBACK = 0.1;

    static <F> Detection<F> none(F found) {
        return new Detection<>(0, found);
    }
}
