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
 * <p>
 * convention: where the extractor keeps the marker's form it says so unambiguously: "gepubliceerd[^6]" (what
 * {@code PdfTextExtractor} writes for a raised number), "Nispen[1]" (a Word footnote as pandoc and
 * {@code DocxTextExtractor} write it), "vraagt? 1)" (a note typed by hand at the end of a Word paragraph, only a
 * candidate at the line end). A marker list continues after a comma: "ziekenhuisnota»»?1, 2" cites 1 and 2; a
 * year before a question mark keeps its marker: "uit 2018?10".
 */
final class FootnoteMarkers {

    /** Glued to a lowercase word or to punctuation after a word: "ligt3", "zijn.1". */
    static final int STRONG = 3;
    /** A year with the number glued on: "20214", "2022.11". */
    static final int YEAR = 2;
    /** Glued to a capital: "PBL8", also codes such as "A50". */
    static final int WEAK = 1;
    /** "[^6]": the extractor saw a raised number the document prints as a footnote. */
    static final int CARET = 6;
    /** "[1]": a Word footnote or endnote reference. */
    static final int BRACKET = 5;
    /** "vraagt? 1)" at a paragraph end: a note number typed by hand. */
    static final int TYPED = 1;

    /** How the marker is written, so end notes ("[1] ...", "1) ...") are matched with markers of their own form. */
    enum Form { GLUED, SUPERSCRIPT, CARET, BRACKET, TYPED }

    private static final int MAX_LIST = 8;

    private static final String CLOSING = ".,;:!?)]»”’\"'…";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** A possible marker: footnote {@code number} printed at {@code [start, end)} of the line. */
    record Candidate(int number, int start, int end, int strength, Form form) {
        Candidate(int number, int start, int end, int strength) {
            this(number, start, end, strength, Form.GLUED);
        }
    }

    private FootnoteMarkers() {
    }

    static List<Candidate> scan(String text) {
        List<Candidate> found = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int end = bracketed(text, i, found);
                if (end > i) {
                    i = end;
                    continue;
                }
            }
            if (SUPERSCRIPTS.indexOf(c) >= 0) {
                int end = i;
                int value = 0;
                while (end < n && SUPERSCRIPTS.indexOf(text.charAt(end)) >= 0 && end - i < 3) {
                    value = value * 10 + SUPERSCRIPTS.indexOf(text.charAt(end));
                    end++;
                }
                if (value > 0) {
                    found.add(new Candidate(value, i, end, STRONG, Form.SUPERSCRIPT));
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
            int before = found.size();
            digitRun(text, start, i, found);
            if (found.size() > before) {
                i = listContinuation(text, i, found.get(found.size() - 1).strength(), found);
            } else if (i + 1 == n && text.charAt(i) == ')' && start >= 2 && i - start <= 3
                    && text.charAt(start - 1) == ' ') {
                typed(text, start, found);
                i++;
            }
        }
        return found;
    }

    /** "[^12]" or "[12]": returns the index after it, or {@code at} when the bracket holds no marker. */
    private static int bracketed(String text, int at, List<Candidate> found) {
        int i = at + 1;
        boolean caret = i < text.length() && text.charAt(i) == '^';
        if (caret) {
            i++;
        }
        int digits = i;
        while (i < text.length() && isDigit(text.charAt(i)) && i - digits < 3) {
            i++;
        }
        if (i == digits || i >= text.length() || text.charAt(i) != ']') {
            return at;
        }
        int number = Integer.parseInt(text, digits, i, 10);
        if (number == 0) {
            return at;
        }
        found.add(new Candidate(number, at, i + 1, caret ? CARET : BRACKET, caret ? Form.CARET : Form.BRACKET));
        return i + 1;
    }

    /** "?1, 2" or "?1,2": the numbers after a marker and a comma are markers too. Returns where scanning goes on. */
    private static int listContinuation(String text, int from, int strength, List<Candidate> found) {
        int i = from;
        for (int k = 0; k < MAX_LIST; k++) {
            int j = i;
            if (j >= text.length() || text.charAt(j) != ',') {
                return i;
            }
            j++;
            if (j < text.length() && text.charAt(j) == ' ') {
                j++;
            }
            int digits = j;
            while (j < text.length() && isDigit(text.charAt(j)) && j - digits < 3) {
                j++;
            }
            if (j == digits || (j < text.length() && isDigit(text.charAt(j))) || !endsCleanly(text, j)
                    || text.charAt(digits) == '0') {
                return i;
            }
            // the comma goes with the marker: "?1, 2" leaves "?"
            found.add(new Candidate(Integer.parseInt(text, digits, j, 10), i, j, strength));
            i = j;
        }
        return i;
    }

    /** "vraagt? 1)" at the end of a line: a typed note number; only a marker when such a note exists. */
    private static void typed(String text, int start, List<Candidate> found) {
        char before = text.charAt(start - 2);
        int end = start;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        if (text.charAt(start) == '0' || !(Character.isLetter(before) || ".?!»”’\"'".indexOf(before) >= 0)) {
            return;
        }
        // the space before the number belongs to the marker: taken out, "vraagt? 1)" leaves "vraagt?"
        found.add(new Candidate(Integer.parseInt(text, start, end, 10), start - 1, end + 1, TYPED, Form.TYPED));
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
                // "besluit2)": also a typed end-note marker, the parenthesis with it; only a typed note makes it one
                if (Character.isLetter(text.charAt(start - 1)) && end < text.length() && text.charAt(end) == ')'
                        && (end + 1 == text.length() || " .,;:".indexOf(text.charAt(end + 1)) >= 0)
                        && text.charAt(start) != '0') {
                    found.add(new Candidate(Integer.parseInt(text, start, end, 10), start, end + 1, TYPED, Form.TYPED));
                }
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
            if (before == '?' || before == '!') {
                return STRONG; // "uit 2018?10": no number is written so
            }
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
