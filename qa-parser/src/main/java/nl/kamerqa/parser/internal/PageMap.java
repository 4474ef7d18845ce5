package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The printed page of every line.
 * <p>
 * convention: a page ends with its footer (which prints its number), or a new page starts at a form feed or at
 * an indented page-start line ({@link PageStartLines}). Pages are counted between those marks and anchored on
 * the printed numbers: a page without a footer is counted back from the next footer (so the sample's first page
 * is 2), after the last footer forward from it. When only footers mark pages, the pages in between cannot be
 * told apart and stay unknown, unless the footers show that every page has one. Without any printed number the
 * pages are unknown: a text may start on any page — unless the text comes from a PDF, whose pages are known, or
 * starts with a publication's masthead ("Tweede Kamer der Staten-Generaal"), which only its first page prints.
 */
final class PageMap {

    private final int[] segmentOfLine;
    private final boolean[] startsPage;
    private final Integer[] pageOfSegment;
    private final boolean breaksKnown;

    private PageMap(int[] segmentOfLine, boolean[] startsPage, Integer[] pageOfSegment, boolean breaksKnown) {
        this.segmentOfLine = segmentOfLine;
        this.startsPage = startsPage;
        this.pageOfSegment = pageOfSegment;
        this.breaksKnown = breaksKnown;
    }

    /**
     * @param footers    the footer on each line, null where there is none
     * @param pageStarts indexes of indented page-start lines
     */
    static PageMap build(List<SourceLine> lines, PageFooter[] footers, Set<Integer> pageStarts) {
        return build(lines, footers, new boolean[lines.size()], pageStarts, false);
    }

    /**
     * @param footerLines    the line belongs to a footer without being its first line (the page number pdftotext
     *                       prints below it): it opens no page
     * @param firstPageIsOne the text starts with a publication's first page (its masthead), which is page 1
     */
    static PageMap build(List<SourceLine> lines, PageFooter[] footers, boolean[] footerLines, Set<Integer> pageStarts,
                         boolean firstPageIsOne) {
        int n = lines.size();
        int[] segmentOfLine = new int[n];
        boolean[] startsPage = new boolean[n];
        List<Integer> footerPage = new ArrayList<>();
        footerPage.add(null);
        boolean anyFormFeed = false;
        int segment = 0;
        boolean hasContent = false;
        boolean afterFooter = false;
        for (int i = 0; i < n; i++) {
            SourceLine line = lines.get(i);
            boolean newPage = false;
            if (line.formFeedBefore()) {
                anyFormFeed = true;
                newPage = i > 0;
                afterFooter = false;
            }
            if (footers[i] != null) {
                if (newPage) {
                    segment = openSegment(footerPage, segment, startsPage, i);
                }
                if (footers[i].page() != null) {
                    footerPage.set(segment, footers[i].page());
                }
                afterFooter = true;
                hasContent = true;
                segmentOfLine[i] = segment;
                continue;
            }
            if (footerLines[i] && !newPage) {
                segmentOfLine[i] = segment;
                continue;
            }
            if (!line.isBlank()) {
                if (afterFooter || (pageStarts.contains(i) && hasContent)) {
                    newPage = true;
                }
                afterFooter = false;
            }
            if (newPage) {
                segment = openSegment(footerPage, segment, startsPage, i);
                hasContent = false;
            }
            if (!line.isBlank()) {
                hasContent = true;
            }
            segmentOfLine[i] = segment;
        }
        boolean breaksKnown = anyFormFeed || !pageStarts.isEmpty();
        if (firstPageIsOne && breaksKnown && footerPage.get(0) == null) {
            footerPage.set(0, 1);
        }
        Integer[] pages = breaksKnown ? countedPages(footerPage, s -> s) : footerOnlyPages(footerPage);
        return new PageMap(segmentOfLine, startsPage, pages, breaksKnown);
    }

    /**
     * The pages an extractor told (a PDF's): a page starts wherever a line's page differs from the line before's,
     * and is numbered from the nearest printed number as in {@link #build}, counting the extractor's pages (so an
     * empty page in between counts too); without any printed number a page's number is the extractor's.
     *
     * @param pageOfLine     the extractor's page of every line, from 1
     * @param footers        the footer on each line, null where there is none
     * @param firstPageIsOne the text starts with a publication's first page (its masthead), which is page 1
     */
    static PageMap known(int[] pageOfLine, PageFooter[] footers, boolean firstPageIsOne) {
        int n = pageOfLine.length;
        int[] segmentOfLine = new int[n];
        boolean[] startsPage = new boolean[n];
        List<Integer> footerPage = new ArrayList<>();
        List<Integer> extractorPage = new ArrayList<>();
        footerPage.add(null);
        extractorPage.add(n == 0 ? 1 : pageOfLine[0]);
        int segment = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && pageOfLine[i] != pageOfLine[i - 1]) {
                segment = openSegment(footerPage, segment, startsPage, i);
                extractorPage.add(pageOfLine[i]);
            }
            segmentOfLine[i] = segment;
            if (footers[i] != null && footers[i].page() != null) {
                footerPage.set(segment, footers[i].page());
            }
        }
        if (firstPageIsOne && footerPage.get(0) == null) {
            footerPage.set(0, 1);
        }
        Integer[] pages = countedPages(footerPage, s -> extractorPage.get(s));
        for (int s = 0; s < pages.length; s++) {
            if (pages[s] == null) {
                pages[s] = extractorPage.get(s);
            }
        }
        return new PageMap(segmentOfLine, startsPage, pages, true);
    }

    private static int openSegment(List<Integer> footerPage, int segment, boolean[] startsPage, int i) {
        footerPage.add(null);
        startsPage[i] = true;
        return segment + 1;
    }

    /**
     * Every page break is known: count pages from the nearest printed number.
     *
     * @param position where a page stands among all pages (pages without lines count too)
     */
    private static Integer[] countedPages(List<Integer> footerPage, IntUnaryOperator position) {
        int count = footerPage.size();
        Integer[] pages = new Integer[count];
        Integer nextAnchor = null;
        int nextAnchorAt = -1;
        for (int s = count - 1; s >= 0; s--) {
            if (footerPage.get(s) != null) {
                nextAnchor = footerPage.get(s);
                nextAnchorAt = s;
            }
            if (nextAnchor != null) {
                pages[s] = nextAnchor - (position.applyAsInt(nextAnchorAt) - position.applyAsInt(s));
            }
        }
        Integer previous = null;
        int previousAt = -1;
        for (int s = 0; s < count; s++) {
            if (footerPage.get(s) != null) {
                previous = footerPage.get(s);
                previousAt = s;
            } else if (pages[s] == null) {
                if (previous != null) {
                    pages[s] = previous + (position.applyAsInt(s) - position.applyAsInt(previousAt));
                }
            }
        }
        for (int s = 0; s < count; s++) {
            if (pages[s] != null && pages[s] < 1) {
                pages[s] = null;
            }
        }
        return pages;
    }

    /** Only footers mark pages: a stretch is one known page only when the footers show it. */
    private static Integer[] footerOnlyPages(List<Integer> footerPage) {
        int count = footerPage.size();
        Integer[] pages = new Integer[count];
        int footers = 0;
        boolean consecutive = true;
        Integer previous = null;
        for (Integer p : footerPage) {
            if (p == null) {
                continue;
            }
            footers++;
            if (previous != null && p != previous + 1) {
                consecutive = false;
            }
            previous = p;
        }
        boolean everyPageHasFooter = consecutive && footers >= 2;
        for (int s = 0; s < count; s++) {
            Integer p = footerPage.get(s);
            if (p != null) {
                boolean onePage = s == 0 ? everyPageHasFooter : p.equals(plusOne(footerPage.get(s - 1)));
                pages[s] = onePage ? p : null;
            } else if (s == count - 1 && everyPageHasFooter && s > 0 && footerPage.get(s - 1) != null) {
                pages[s] = footerPage.get(s - 1) + 1;
            }
        }
        return pages;
    }

    private static Integer plusOne(Integer p) {
        return p == null ? null : p + 1;
    }

    /** Printed page of the line at {@code index}, null when it cannot be known. */
    Integer page(int index) {
        return pageOfSegment[segmentOfLine[index]];
    }

    int segment(int index) {
        return segmentOfLine[index];
    }

    /** The line at {@code index} is the first line of a new page (not the first page). */
    boolean startsPage(int index) {
        return startsPage[index];
    }

    /** Every page break is marked (form feeds or page-start lines), not only the footers. */
    boolean breaksKnown() {
        return breaksKnown;
    }
}
