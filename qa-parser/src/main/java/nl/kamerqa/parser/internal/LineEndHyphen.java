package nl.kamerqa.parser.internal;

import java.util.Set;

/**
 * Line-end hyphen recogniser: how a line that ends in "-" joins the next one.
 * <p>
 * convention: a word broken at the line end is joined ("scheids-" + "lijnen" → "scheidslijnen"); a real hyphen
 * stays ("ChristenUnie-" + "fractie", "NOVEX-woningbouwlocaties", URLs); a hyphen before "en"/"of" keeps its
 * space ("in- en doorstroom"). Evidence comes first: the same word elsewhere in the document, whole; then
 * capitals or digits before the hyphen, a capital or digit after it, or a vowel clash ("zee-egel").
 */
final class LineEndHyphen {

    enum Join {
        /** "scheids-" + "lijnen" → "scheidslijnen" */
        JOIN,
        /** "ChristenUnie-" + "fractie" → "ChristenUnie-fractie" */
        KEEP,
        /** "in-" + "en doorstroom" → "in- en doorstroom" */
        KEEP_WITH_SPACE,
        /** no line-end hyphen: a plain space */
        SPACE
    }

    private static final Set<String> CONJUNCTIONS = Set.of("en", "of", "tot", "t/m", "noch");
    private static final String VOWELS = "aeiou";

    private LineEndHyphen() {
    }

    static Join decide(String line, String next, WordEvidence evidence) {
        if (line.endsWith("\u00AD")) {
            return Join.JOIN;
        }
        if (!line.endsWith("-") || next.isEmpty()) {
            return Join.SPACE;
        }
        int space = line.lastIndexOf(' ');
        String last = line.substring(space + 1);
        String stem = stripLeading(last.substring(0, last.length() - 1));
        if (stem.isEmpty() || !Character.isLetterOrDigit(stem.charAt(stem.length() - 1))) {
            return Join.SPACE; // a dash standing alone: "tekst -" + "verder"
        }
        int nextSpace = next.indexOf(' ');
        String nextToken = nextSpace < 0 ? next : next.substring(0, nextSpace);
        if (isUrl(last)) {
            return Join.KEEP;
        }
        String nextWord = WordEvidence.word(nextToken);
        if (CONJUNCTIONS.contains(nextToken.toLowerCase(java.util.Locale.ROOT))) {
            return Join.KEEP_WITH_SPACE;
        }
        if (nextWord.isEmpty()) {
            return Join.KEEP;
        }
        String stemWord = WordEvidence.word(stem);
        int hyphenated = evidence.count(stemWord + "-" + nextWord);
        int joined = evidence.count(stemWord + nextWord);
        if (hyphenated != joined) {
            return hyphenated > joined ? Join.KEEP : Join.JOIN;
        }
        char first = nextToken.charAt(0);
        if (hasInnerCapitalOrDigit(stem) || Character.isUpperCase(first) || Character.isDigit(first)) {
            return Join.KEEP;
        }
        char end = Character.toLowerCase(stem.charAt(stem.length() - 1));
        if (VOWELS.indexOf(end) >= 0 && Character.toLowerCase(first) == end) {
            return Join.KEEP;
        }
        return Join.JOIN;
    }

    private static boolean isUrl(String token) {
        return token.contains("://") || token.startsWith("www.") || token.indexOf('/') > 0 && token.indexOf('.') > 0;
    }

    /** "ChristenUnie", "NOVEX", "A", "IMA-2021": a hyphen after such a word is real. */
    private static boolean hasInnerCapitalOrDigit(String stem) {
        boolean letters = false;
        boolean allUpper = true;
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            if (Character.isDigit(c)) {
                return true;
            }
            if (Character.isLetter(c)) {
                letters = true;
                if (Character.isUpperCase(c) && i > 0) {
                    return true;
                }
                allUpper &= Character.isUpperCase(c);
            }
        }
        return letters && allUpper;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }
}
