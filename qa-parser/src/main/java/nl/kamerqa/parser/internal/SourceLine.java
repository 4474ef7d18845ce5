package nl.kamerqa.parser.internal;

/**
 * One input line after hygiene.
 *
 * @param number         1-based input line number (CRLF, CR and LF each end one line; a form feed does not)
 * @param text           the line's text: trimmed, every run of whitespace folded to one space
 * @param indent         how many spaces the line started with (tabs and no-break spaces count as spaces)
 * @param formFeedBefore a form feed (new page) precedes this line's text
 */
record SourceLine(int number, String text, int indent, boolean formFeedBefore) {

    boolean isBlank() {
        return text.isEmpty();
    }
}
