package nl.kamerqa.parser.extracted;

/** Where a line stands on its page, as far as the extractor knows it. */
public enum LineRole {
    /** Running text: paragraphs, list items, table cells; also a blank line between paragraphs. */
    BODY,
    /** A paragraph the format marks as a heading (a Word heading style, an OpenDocument {@code text:h}). */
    HEADING,
    /** The text of a footnote or endnote, apart from the body that cites it. */
    FOOTNOTE,
    /** A line printed at the top of a page apart from its text (a running header). */
    HEADER,
    /** A line printed at the bottom of a page apart from its text (the official footer). */
    FOOTER,
    /** Plain text: the extractor cannot tell, so the text reader guesses from the text alone. */
    UNKNOWN
}
