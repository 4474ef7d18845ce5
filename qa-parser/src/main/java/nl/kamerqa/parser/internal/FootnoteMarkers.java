package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Footnote marker recogniser: finds where a footnote number may be glued to the text.
 * <p>
 * convention: the extractor loses the superscript, so a marker is glued to the word or number before it:
 * "zijn.1", "ligt3,", "motie16", "MaaS19-voorzieningen", "5 mei 20214" (2021 + footnote 4),
 * "IMA-202118" (2021 + 18), "2022.11" (2022 + 11). Which of these candidates is a real marker is decided by
 * {@link FootnoteLayout}: its number must be the next one expected and have a body on the page.
 * Numbers in ranges, decimals, times and percentages ("2022–2023", "2,5", "2:1", "12,5%") are no candidates.
 */
final class FootnoteMarkers {

    /** Glued to a lowercase word or to punctuation after a word: "ligt3", "zijn.1". */
    static final int STRONG = 3;
    /** A year with the number glued on: "20214", "2022.11". */
    static final int YEAR = 2;
    /** Glued to a capital: "PBL8", also codes such as "A50". */
    static final int WEAK = 1;

    private static final String CLOSING = ".,;:!?)]»”’\"'…";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** A possible marker: footnote {@code number} printed at {@code [start, end)} of the line. */
    record Candidate(int number, int start, int end, int strength) {
    }

    private FootnoteMarkers() {
    }

    static List<Candidate> scan(String text) {
        List<Candidate> found = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (SUPERSCRIPTS.indexOf(c) >= 0) {
                int end = i;
                int value = 0;
                while (end < n && SUPERSCRIPTS.indexOf(text.charAt(end)) >= 0 && end - i < 3) {
                    value = value * 10 + SUPERSCRIPTS.indexOf(text.charAt(end));
                    end++;
                }
                if (value > 0) {
                    found.add(new Candidate(value, i, end, STRONG));
                }
                i = end;
                continue;
            }
            if (!isDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            digitRun(text, start, i, found);
        }
        return found;
    }

    private static void digitRun(String text, int start, int end, List<Candidate> found) {
        int length = end - start;
        if (length > 7 || !endsCleanly(text, end)) {
            return;
        }
        if (length <= 3 && start > 0) {
            int strength = glue(text, start);
            if (strength > 0) {
                found.add(new Candidate(Integer.parseInt(text, start, end, 10), start, end, strength));
            }
        }
        if (length >= 5 && isYear(text, start) && text.charAt(start + 4) != '0') {
            found.add(new Candidate(Integer.parseInt(text, start + 4, end, 10), start + 4, end, YEAR));
        }
    }

    /** How firmly the digits at {@code start} are glued to what precedes them; 0 when they are not. */
    private static int glue(String text, int start) {
        char before = text.charAt(start - 1);
        if (Character.isLetter(before)) {
            return Character.isUpperCase(before) ? WEAK : STRONG;
        }
        if (CLOSING.indexOf(before) < 0 || start < 2) {
            return 0;
        }
        char beforePunctuation = text.charAt(start - 2);
        if (isDigit(beforePunctuation)) {
            // "2022.11" is a year and a marker; "7.5", "2,5" and "2:1" are numbers
            return before == '.' && start >= 5 && isYear(text, start - 5)
                    && (start == 5 || !isDigit(text.charAt(start - 6))) ? YEAR : 0;
        }
        return Character.isLetter(beforePunctuation) || CLOSING.indexOf(beforePunctuation) >= 0 ? STRONG : 0;
    }

    private static boolean endsCleanly(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        char after = text.charAt(end);
        if (after == ' ' || after == '\u00AD' || ".,;:!?)]»”’\"'".indexOf(after) >= 0) {
            return true;
        }
        return after == '-' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1));
    }

    private static boolean isYear(String text, int at) {
        if (at + 4 > text.length()) {
            return false;
        }
        for (int k = at; k < at + 4; k++) {
            if (!isDigit(text.charAt(k))) {
                return false;
            }
        }
        int year = Integer.parseInt(text, at, at + 4, 10);
        return year >= 1800 && year <= 2099;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
