package nl.kamerqa.parser.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * a footer but naming another paper, without a page number, is a citation ("Tweede Kamer, vergaderjaar
     * 2022–2023, 26 485, nr. 424" in a footnote) and stays text. A footer whose page number stands alone on the
     * next line takes that line too.
     */
    static Footers find(List<SourceLine> lines) {
        PageFooter[] footers = new PageFooter[lines.size()];
        boolean[] footer = new boolean[lines.size()];
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
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
            if (dominant == null || counts.get(f.identity()) > counts.get(dominant)) {
                dominant = f.identity();
                first = f;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            PageFooter f = footers[i];
            if (f == null) {
                continue;
            }
            if (f.page() == null && i + 1 < lines.size() && lines.get(i + 1).text().matches("\\d{1,4}")) {
                f = f.withPage(Integer.valueOf(lines.get(i + 1).text()));
                footer[i + 1] = true;
                footers[i] = f;
            }
            if (f.page() == null && !f.identity().equals(dominant)) {
                footers[i] = null;
                continue;
            }
            footer[i] = true;
        }
        Integer[] pageAt = new Integer[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            pageAt[i] = footers[i] == null ? null : footers[i].page();
        }
        return new Footers(footers, footer, pageAt, first);
    }

}
