package nl.kamerqa.parser.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The page footers of a document ({@link PageFooter}) and which of them is the document's own.
 *
 * @param footers  the footer recognised on each line, null elsewhere
 * @param isFooter the line is (part of) a footer and no text
 * @param pageAt   the page number printed on each footer line, null elsewhere
 * @param own      the document's own footer, null when there is none
 */
record Footers(PageFooter[] footers, boolean[] isFooter, Integer[] pageAt, PageFooter own) {

    /**
     * Marks footer lines and returns the document's own footer: the one printed most often. A line shaped like
     * a footer but naming another paper, without a page number or with a number before it, is a citation
     * ("Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424" in a footnote, "11 Tweede Kamer, vergaderjaar
     * 2021–2022, 26 485, nr. 380" as footnote 11) and stays text. A footer whose page number stands alone on the
     * next line takes that line too.
     */
    static Footers find(List<SourceLine> lines) {
        return find(lines, i -> true, false);
    }

    /**
     * @param candidate  the line may be a footer (typed lines: the ones the extractor set apart from the text)
     * @param candidatesApart every candidate line is a header or footer line and no text, whatever it says
     */
    static Footers find(List<SourceLine> lines, IntPredicate candidate, boolean candidatesApart) {
        PageFooter[] footers = new PageFooter[lines.size()];
        boolean[] footer = new boolean[lines.size()];
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!candidate.test(i)) {
                continue;
            }
            footer[i] = candidatesApart && !lines.get(i).isBlank();
            PageFooter f = PageFooter.recognise(lines.get(i).text()).orElse(null);
            if (f != null) {
                footers[i] = f;
                counts.merge(f.identity(), 1, Integer::sum);
            }
        }
        String dominant = null;
        PageFooter first = null;
        for (int i = 0; i < lines.size(); i++) {
            PageFooter f = footers[i];
            if (f == null) {
                continue;
            }
            // on a tie the later one: a page ends with its footer, a citation shaped like one stands above it
            if (dominant == null || counts.get(f.identity()) >= counts.get(dominant)) {
                dominant = f.identity();
                first = f;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            PageFooter f = footers[i];
            if (f == null) {
                continue;
            }
            boolean numberedLikeAFootnote = !lines.get(i).text().startsWith(f.kamer());
            if ((f.page() == null || numberedLikeAFootnote) && !f.identity().equals(dominant)) {
                footers[i] = null;
                continue;
            }
            int number = f.page() == null ? pageNumberLine(lines, i) : -1;
            if (number >= 0) {
                f = f.withPage(Integer.valueOf(lines.get(number).text()));
                footer[number] = true;
                footers[i] = f;
            }
            footer[i] = true;
        }
        Integer[] pageAt = new Integer[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            pageAt[i] = footers[i] == null ? null : footers[i].page();
        }
        return new Footers(footers, footer, pageAt, first);
    }

    /**
     * The line holding the page number of the footer at {@code i}, or -1: the next line, or — as pdftotext prints
     * it — the page's last line after a blank one ("Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel", "", "1").
     */
    private static int pageNumberLine(List<SourceLine> lines, int i) {
        int k = i + 1;
        while (k < lines.size() && k <= i + 2 && lines.get(k).isBlank() && !lines.get(k).formFeedBefore()) {
            k++;
        }
        if (k >= lines.size() || lines.get(k).formFeedBefore() || !isNumber(lines.get(k).text())) {
            return -1;
        }
        if (k == i + 1) {
            return k;
        }
        for (int j = k + 1; j < lines.size(); j++) {
            if (lines.get(j).formFeedBefore()) {
                return k;
            }
            if (!lines.get(j).isBlank()) {
                return -1;
            }
        }
        return k;
    }

    private static boolean isNumber(String text) {
        int n = text.length();
        if (n == 0 || n > 4) {
            return false;
        }
        for (int c = 0; c < n; c++) {
            if (text.charAt(c) < '0' || text.charAt(c) > '9') {
                return false;
            }
        }
        return true;
    }

}
