package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.PdfGlyphCollector.Page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The running headers and footers of a PDF: the same text modulo digits at the same height on most pages, set apart
 * from the body (another size or a wide gap), in the top or bottom zone of the page.
 */
final class PdfRunningLines {

    // zones where running headers, footers and page numbers live, as a share of the page height
    private static final float TOP_ZONE = 0.12f;
    private static final float BOTTOM_ZONE = 0.85f;

    private final Set<String> running;

    private PdfRunningLines(Set<String> running) {
        this.running = running;
    }

    /** The line is in the top or bottom zone of its page. */
    static boolean inZone(PdfLine line, Page page) {
        return line.baseline() < page.height() * TOP_ZONE || inBottomZone(line, page);
    }

    static boolean inBottomZone(PdfLine line, Page page) {
        return line.baseline() > page.height() * BOTTOM_ZONE;
    }

    /** The line's text is one that runs over most pages (its zone is for the caller to check). */
    boolean isRunning(PdfLine line) {
        return running.contains(key(line));
    }

    /** The running lines of a document: {@code lines.get(p)} are the lines of {@code pages.get(p)}. */
    static PdfRunningLines find(List<Page> pages, List<List<PdfLine>> lines, float bodySize) {
        Set<String> running = new HashSet<>();
        if (pages.size() < 2) {
            return new PdfRunningLines(running);
        }
        Map<String, List<Float>> seen = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            List<PdfLine> page = PdfLine.sortedByBaseline(lines.get(p));
            Set<String> onThisPage = new HashSet<>();
            for (int i = 0; i < page.size(); i++) {
                PdfLine line = page.get(i);
                if (!inZone(line, pages.get(p)) || !setApart(page, i, bodySize, pages.get(p))) {
                    continue;
                }
                String key = key(line);
                if (onThisPage.add(key + "@" + Math.round(line.baseline()))) {
                    seen.computeIfAbsent(key, k -> new ArrayList<>()).add(line.baseline());
                }
            }
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        for (Map.Entry<String, List<Float>> e : seen.entrySet()) {
            List<Float> ys = e.getValue();
            for (float y : ys) {
                long near = ys.stream().filter(other -> Math.abs(other - y) <= 4f).count();
                if (near >= needed) {
                    running.add(e.getKey());
                    break;
                }
            }
        }
        return new PdfRunningLines(running);
    }

    /** A header stands apart from the body below it, a footer from the body above it: another size or a wide gap. */
    private static boolean setApart(List<PdfLine> page, int i, float bodySize, Page geometry) {
        PdfLine line = page.get(i);
        if (Math.abs(line.size() - bodySize) > 0.5f) {
            return true;
        }
        float limit = 2f * 1.2f * bodySize;
        if (line.baseline() < geometry.height() * TOP_ZONE) {
            return i == page.size() - 1 || page.get(i + 1).baseline() - line.baseline() > limit;
        }
        return i == 0 || line.baseline() - page.get(i - 1).baseline() > limit;
    }

    private static String key(PdfLine line) {
        return line.plain().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#");
    }
}
