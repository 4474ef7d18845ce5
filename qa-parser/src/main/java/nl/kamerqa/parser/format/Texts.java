package nl.kamerqa.parser.format;

import java.util.regex.Pattern;

/** Small text helpers shared by the readers. */
final class Texts {

    // Java's \s misses NBSP and friends; structured sources use them between words, so fold them too
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2009\\u200A\\u2002\\u2003]+");

    private Texts() {
    }

    /** Every run of whitespace (no-break spaces included) folded to one space, trimmed. */
    static String collapse(CharSequence text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** Whitespace folded like {@link #collapse} but no-break spaces kept as they are (pandoc keeps them). */
    static String collapseKeepingNbsp(CharSequence text) {
        return text.toString().replaceAll("[ \\t\\r\\n\\u000B\\f]+", " ").strip();
    }

    // convention: the colophon of a first page ("ah-tk-20232024-1786 ISSN 0921 - 7398 ’s-Gravenhage 2024") is no text,
    // though publication XML and HTML sometimes carry it inside a paragraph
    private static final Pattern COLOPHON = Pattern.compile(
            " ?\\b(?:ah|kst|kv)-[A-Za-z0-9]+(?:-[A-Za-z0-9]+){1,5} ISSN \\d{4} ?[-–] ?\\d{3}[\\dXx] ['’‘]s-Gravenhage \\d{4}\\b");

    /** The text without a colophon run into it. */
    static String withoutColophon(String text) {
        return text.indexOf("ISSN") < 0 ? text : COLOPHON.matcher(text).replaceAll("").strip();
    }

    static boolean isBlank(CharSequence text) {
        return collapse(text).isEmpty();
    }

    /** {@code s} as a number (surrounding whitespace ignored); {@code fallback} when it is null or no number. */
    static int parseIntOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
