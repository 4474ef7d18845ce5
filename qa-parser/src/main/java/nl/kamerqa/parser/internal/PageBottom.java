package nl.kamerqa.parser.internal;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * What the lines say about the end of a page, for {@link FootnoteLayout}: whether only footnote bodies, or a run of
 * small print without a gap, or just a few lines stand between a line and the page's end. A page ends at a footer
 * line or where {@link PageMap} knows the next page starts.
 */
final class PageBottom {

    /** A footnote zone holds at most this many lines. */
    static final int MAX_ZONE_LINES = 15;
    private static final int MAX_TAIL_LINES = 3;

    private final List<SourceLine> lines;
    private final boolean[] footer;
    private final PageMap pages;
    private final IntPredicate structural;

    /**
     * @param footer     the line is (part of) a page footer
     * @param structural the line is a heading or a question start, never footnote text
     */
    PageBottom(List<SourceLine> lines, boolean[] footer, PageMap pages, IntPredicate structural) {
        this.lines = lines;
        this.footer = footer;
        this.pages = pages;
        this.structural = structural;
    }

    /** From {@code from} to the end of the page stand only the next bodies and a few lines (their continuations). */
    boolean onlyFootnotesFollow(int from, int next) {
        int j = from;
        int expected = next;
        while (j < lines.size() && !footer[j] && !pages.startsPage(j)) {
            if (j - from > MAX_ZONE_LINES) {
                return false;
            }
            if (FootnoteBody.number(lines.get(j).text()) != expected) {
                return pageEndsWithin(j);
            }
            expected++;
            j++;
        }
        return true;
    }

    /**
     * From the body at {@code start} to the page's footer stand only lines that are no heading or label, without a
     * gap of blank lines: all of it is footnote text (as {@code PdfTextExtractor} writes a page's small print).
     */
    boolean runsToFooter(int start) {
        int blanks = 0;
        int count = 0;
        for (int j = start + 1; j < lines.size(); j++) {
            if (footer[j]) {
                return true;
            }
            if (pages.startsPage(j)) {
                return false;
            }
            if (lines.get(j).isBlank()) {
                if (++blanks >= 2) {
                    return false;
                }
                continue;
            }
            blanks = 0;
            if (++count > MAX_ZONE_LINES || structural.test(j)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Only a few lines are left before the page ends, without the gap of blank lines that a page break whose
     * footer was lost leaves: those lines are footnote text however they look.
     */
    boolean pageEndsWithin(int from) {
        int left = 0;
        int blanks = 0;
        for (int j = from; j < lines.size() && !footer[j] && !pages.startsPage(j); j++) {
            if (lines.get(j).isBlank()) {
                if (++blanks >= 2) {
                    return false;
                }
                continue;
            }
            blanks = 0;
            if (++left > MAX_TAIL_LINES) {
                return false;
            }
        }
        return true;
    }
}
