package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.PdfGlyphCollector.Glyph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A visual line of a PDF page with the metrics every step of composing a page reads (page zones, running lines,
 * footnotes, markers): its glyphs, dominant font size, the baseline of that size, left and right edge, plain text.
 */
record PdfLine(List<Glyph> glyphs, float size, float baseline, float x0, float x1, String plain) {

    // markers are set smaller than the line and raised above its baseline
    private static final float SUPERSCRIPT_SIZE = 0.85f;
    private static final float SUPERSCRIPT_RAISE = 0.2f;
    // a gap this many font sizes wide, between runs of different sizes, separates two columns on one baseline
    private static final float COLUMN_GAP = 3f;

    boolean isSuperscript(Glyph g) {
        return g.size() <= size * SUPERSCRIPT_SIZE && g.y() <= baseline - size * SUPERSCRIPT_RAISE;
    }

    /** The lines of one PDFBox line: one, or one per column where it runs across a margin column. */
    static List<PdfLine> of(List<Glyph> raw) {
        List<PdfLine> lines = new ArrayList<>();
        for (List<Glyph> segment : splitColumns(raw)) {
            PdfLine line = line(segment);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Splits a PDFBox line where a wide gap separates runs of different sizes (a margin column beside a footer). */
    private static List<List<Glyph>> splitColumns(List<Glyph> raw) {
        List<List<Glyph>> segments = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        Glyph previous = null;
        for (Glyph g : raw) {
            if (g.isSpace()) {
                current.add(g);
                continue;
            }
            if (previous != null) {
                float gap = g.x() - previous.end();
                float size = Math.min(g.size(), previous.size());
                boolean sizeChanges = Math.abs(g.size() - previous.size()) > 1f;
                if (gap > COLUMN_GAP * size && sizeChanges) {
                    segments.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(g);
            previous = g;
        }
        segments.add(current);
        return segments;
    }

    private static PdfLine line(List<Glyph> glyphs) {
        String plain = Texts.collapseKeepingNbsp(text(glyphs));
        if (plain.isEmpty()) {
            return null;
        }
        Map<Float, Integer> sizes = new HashMap<>();
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        for (Glyph g : glyphs) {
            if (!g.isSpace()) {
                sizes.merge(round(g.size(), 10), g.text().length(), Integer::sum);
                x0 = Math.min(x0, g.x());
                x1 = Math.max(x1, g.end());
            }
        }
        float size = mode(sizes);
        List<Float> ys = new ArrayList<>();
        for (Glyph g : glyphs) {
            if (!g.isSpace() && round(g.size(), 10) == size) {
                ys.add(g.y());
            }
        }
        ys.sort(Float::compare);
        float baseline = ys.get(ys.size() / 2);
        return new PdfLine(glyphs, size, baseline, x0, x1, plain);
    }

    /** The glyphs' text as it comes, spaces included. */
    static String text(List<Glyph> glyphs) {
        StringBuilder sb = new StringBuilder();
        for (Glyph g : glyphs) {
            sb.append(g.text());
        }
        return sb.toString();
    }

    /** A copy of {@code lines} from the top of the page down. */
    static List<PdfLine> sortedByBaseline(List<PdfLine> lines) {
        List<PdfLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble(PdfLine::baseline));
        return sorted;
    }

    /** {@code value} rounded to {@code 1 / perPoint} of a point, so near-equal sizes count as one. */
    static float round(float value, int perPoint) {
        return (float) Math.round(value * perPoint) / perPoint;
    }

    /** The value counted most often (of equal counts the largest); 0 for none. */
    static float mode(Map<Float, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0f);
    }
}
