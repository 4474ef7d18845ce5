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

    static boolean isBlank(CharSequence text) {
        return collapse(text).isEmpty();
    }
}
