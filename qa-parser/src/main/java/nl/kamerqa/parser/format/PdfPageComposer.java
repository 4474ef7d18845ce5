package nl.kamerqa.parser.format;

import nl.kamerqa.parser.extracted.ExtractedLine;
import nl.kamerqa.parser.extracted.LineRole;
import nl.kamerqa.parser.format.PdfGlyphCollector.Glyph;
import nl.kamerqa.parser.format.PdfGlyphCollector.Page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the glyph lines of every page into the typed lines the text parser reads, each with its PDF page: body lines
 * in reading order, then the page's footnotes ("N text", continuation lines following, role footnote with the
 * note's number), then the official footer line (role footer; a line shaped like it at the top of a page is a
 * header). Repeated running headers/footers and bare page numbers are dropped.
 * Over 300 lines: the page's geometry (zones, sizes, columns) and the footnote starts read one set of line metrics.
 */
final class PdfPageComposer {

    // convention: the official footer "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1" / "..., nr. 147 11"
    // (the page number may also stand before it); the text parser reads metadata and page numbers from it
    private static final Pattern OFFICIAL_FOOTER = Pattern.compile(
            "^(?:\\d{1,4} )?(?:Tweede|Eerste) Kamer, vergaderjaar \\d{4} ?[–-] ?\\d{4}\\b.*");
    // convention: a line holding only the page number, possibly dressed: "3", "- 3 -", "Pagina 3 van 6", "3/6"
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[-–—\\s]*(?:(?:pagina|page|blz\\.?|p\\.)\\s*)?(\\d{1,4})(?:\\s*(?:/|van|of)\\s*\\d{1,4})?[-–—\\s]*$",
            Pattern.CASE_INSENSITIVE);

    // zones where running headers, footers and page numbers live, as a share of the page height
    private static final float TOP_ZONE = 0.12f;
    private static final float BOTTOM_ZONE = 0.85f;
    // a footnote is printed smaller than the body; markers smaller still and raised above the baseline
    private static final float SMALLER = 0.9f;
    private static final float SUPERSCRIPT_SIZE = 0.85f;
    private static final float SUPERSCRIPT_RAISE = 0.2f;
    // a gap this many font sizes wide, between runs of different sizes, separates two columns on one baseline
    private static final float COLUMN_GAP = 3f;
    private static final float PARAGRAPH_GAP = 3f;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** A visual line with its metrics: dominant font size, the baseline of that size, left and right edge. */
    private record Line(List<Glyph> glyphs, float size, float baseline, float x0, float x1, String plain) {

        boolean isSuperscript(Glyph g) {
            return g.size() <= size * SUPERSCRIPT_SIZE && g.y() <= baseline - size * SUPERSCRIPT_RAISE;
        }
    }

    private record Footnote(int number, List<String> lines) {
    }

    /** What one page holds once classified. */
    private record PageParts(List<Line> body, List<Line> footnoteLines, List<Line> footers, Set<Line> headers) {
    }

    private final PdfTextExtractor.MarkerStyle markers;

    PdfPageComposer(PdfTextExtractor.MarkerStyle markers) {
        this.markers = markers;
    }

    List<ExtractedLine> compose(List<Page> pages) {
        List<List<Line>> lines = new ArrayList<>();
        for (Page page : pages) {
            List<Line> pageLines = new ArrayList<>();
            for (List<Glyph> raw : page.lines()) {
                for (List<Glyph> segment : splitColumns(raw)) {
                    Line line = line(segment);
                    if (line != null) {
                        pageLines.add(line);
                    }
                }
            }
            lines.add(pageLines);
        }
        float bodySize = bodySize(lines);
        float bodyLeft = bodyLeft(lines, bodySize);
        Set<String> running = runningLines(pages, lines, bodySize);

        List<PageParts> parts = new ArrayList<>();
        List<List<Footnote>> footnotes = new ArrayList<>();
        Set<Integer> footnoteNumbers = new HashSet<>();
        int lastFootnote = 0;
        for (int p = 0; p < pages.size(); p++) {
            PageParts pp = classify(pages.get(p), lines.get(p), p + 1, bodySize, bodyLeft, running);
            List<Footnote> notes = footnotes(pp, lastFootnote);
            if (notes == null) {
                // no numbered footnote start: the small print stays where it is, as body text
                List<Line> body = new ArrayList<>(pp.body());
                body.addAll(pp.footnoteLines());
                body.sort(Comparator.comparingDouble(Line::baseline));
                pp = new PageParts(body, List.of(), pp.footers(), pp.headers());
                notes = List.of();
            }
            for (Footnote n : notes) {
                footnoteNumbers.add(n.number());
                lastFootnote = n.number();
            }
            parts.add(pp);
            footnotes.add(notes);
        }

        List<ExtractedLine> out = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            typedPage(out, p + 1, parts.get(p), footnotes.get(p), footnoteNumbers);
        }
        return out;
    }

    // ---- lines ----

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

    private static Line line(List<Glyph> glyphs) {
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
        return new Line(glyphs, size, baseline, x0, x1, plain);
    }

    private static String text(List<Glyph> glyphs) {
        StringBuilder sb = new StringBuilder();
        for (Glyph g : glyphs) {
            sb.append(g.text());
        }
        return sb.toString();
    }

    // ---- document statistics ----

    /** The size most text is set in. */
    private static float bodySize(List<List<Line>> pages) {
        Map<Float, Integer> sizes = new HashMap<>();
        for (List<Line> page : pages) {
            for (Line line : page) {
                for (Glyph g : line.glyphs()) {
                    if (!g.isSpace()) {
                        sizes.merge(round(g.size(), 2), 1, Integer::sum);
                    }
                }
            }
        }
        return sizes.isEmpty() ? 0 : mode(sizes);
    }

    /** Where body lines start most often: lines ending left of it are a margin column. */
    private static float bodyLeft(List<List<Line>> pages, float bodySize) {
        Map<Float, Integer> lefts = new HashMap<>();
        for (List<Line> page : pages) {
            for (Line line : page) {
                if (Math.abs(line.size() - bodySize) < 0.6f) {
                    lefts.merge((float) Math.round(line.x0()), 1, Integer::sum);
                }
            }
        }
        return lefts.isEmpty() ? 0 : mode(lefts);
    }

    /**
     * Keys of running header/footer lines: the same text modulo digits at the same height on most pages, set apart
     * from the body (another size or a wide gap), in the top or bottom zone.
     */
    private static Set<String> runningLines(List<Page> pages, List<List<Line>> lines, float bodySize) {
        Set<String> running = new HashSet<>();
        if (pages.size() < 2) {
            return running;
        }
        Map<String, List<Float>> seen = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            List<Line> page = sortedByBaseline(lines.get(p));
            Set<String> onThisPage = new HashSet<>();
            for (int i = 0; i < page.size(); i++) {
                Line line = page.get(i);
                if (!inZone(line, pages.get(p)) || !setApart(page, i, bodySize, pages.get(p))) {
                    continue;
                }
                String key = runningKey(line);
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
        return running;
    }

    /** A header stands apart from the body below it, a footer from the body above it: another size or a wide gap. */
    private static boolean setApart(List<Line> page, int i, float bodySize, Page geometry) {
        Line line = page.get(i);
        if (Math.abs(line.size() - bodySize) > 0.5f) {
            return true;
        }
        float limit = 2f * 1.2f * bodySize;
        if (line.baseline() < geometry.height() * TOP_ZONE) {
            return i == page.size() - 1 || page.get(i + 1).baseline() - line.baseline() > limit;
        }
        return i == 0 || line.baseline() - page.get(i - 1).baseline() > limit;
    }

    private static String runningKey(Line line) {
        return line.plain().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#");
    }

    private static boolean inZone(Line line, Page page) {
        return line.baseline() < page.height() * TOP_ZONE || line.baseline() > page.height() * BOTTOM_ZONE;
    }

    // ---- one page ----

    private static PageParts classify(Page page, List<Line> pageLines, int pageNumber, float bodySize,
                                      float bodyLeft, Set<String> running) {
        List<Line> body = new ArrayList<>();
        List<Line> content = new ArrayList<>();
        List<Line> footers = new ArrayList<>();
        Set<Line> headers = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Line> sorted = sortedByBaseline(pageLines);
        float lowest = (float) sorted.stream().filter(l -> l.x1() >= bodyLeft - 2f)
                .mapToDouble(Line::baseline).max().orElse(0);
        for (Line line : sorted) {
            boolean zone = inZone(line, page);
            boolean official = OFFICIAL_FOOTER.matcher(line.plain()).matches() && line.size() >= bodySize * 0.85f;
            // the official footer in the bottom zone, or lower on the page than anything but the margin column
            boolean bottom = line.baseline() > page.height() * BOTTOM_ZONE
                    || line.baseline() > page.height() / 2 && line.baseline() >= lowest - 1f;
            if (official && bottom) {
                footers.add(line);
                continue;
            }
            if (official && zone) {
                // shaped like the official footer but at the top: printed in reading position, a header
                body.add(line);
                headers.add(line);
                continue;
            }
            if (zone && isPageNumber(line, pageNumber)) {
                continue;
            }
            if (running.contains(runningKey(line)) && zone) {
                continue;
            }
            if (line.x1() < bodyLeft - 2f) {
                // a margin column (colophon, side notes): kept in reading position, never a footnote
                body.add(line);
                continue;
            }
            content.add(line);
        }
        // footnotes: the run of small-print lines at the bottom of the page's content
        int start = content.size();
        while (start > 0 && content.get(start - 1).size() <= bodySize * SMALLER) {
            start--;
        }
        body.addAll(content.subList(0, start));
        body.sort(Comparator.comparingDouble(Line::baseline));
        return new PageParts(body, new ArrayList<>(content.subList(start, content.size())), footers, headers);
    }

    private static boolean isPageNumber(Line line, int pageNumber) {
        Matcher m = PAGE_NUMBER.matcher(line.plain());
        return m.matches() && Integer.parseInt(m.group(1)) == pageNumber;
    }

    /**
     * The footnotes in the small print at the bottom of a page, or null when no line there starts one. Lines above
     * the first footnote start go back to the body.
     */
    private List<Footnote> footnotes(PageParts parts, int lastNumber) {
        List<Line> block = parts.footnoteLines();
        if (block.isEmpty()) {
            return List.of();
        }
        float textSize = blockTextSize(block);
        int first = -1;
        for (int i = 0; i < block.size() && first < 0; i++) {
            if (footnoteStart(block.get(i), textSize, lastNumber, true) != null) {
                first = i;
            }
        }
        if (first < 0) {
            return null;
        }
        if (first > 0) {
            parts.body().addAll(block.subList(0, first));
            parts.body().sort(Comparator.comparingDouble(Line::baseline));
        }
        List<Footnote> notes = new ArrayList<>();
        Integer pendingNumber = null;
        int last = lastNumber;
        for (int i = first; i < block.size(); i++) {
            Line line = block.get(i);
            FootnoteStart start = footnoteStart(line, textSize, last, notes.isEmpty() && pendingNumber == null);
            if (start != null && start.text().isEmpty()) {
                // the number printed apart from its text: it belongs to the next line
                pendingNumber = start.number();
                continue;
            }
            if (start != null) {
                notes.add(new Footnote(start.number(), new ArrayList<>(List.of(start.number() + " " + start.text()))));
                last = start.number();
            } else if (pendingNumber != null) {
                notes.add(new Footnote(pendingNumber, new ArrayList<>(List.of(pendingNumber + " " + line.plain()))));
                last = pendingNumber;
                pendingNumber = null;
            } else if (!notes.isEmpty()) {
                notes.get(notes.size() - 1).lines().add(line.plain());
            }
        }
        if (pendingNumber != null) {
            // a number after the last text: the PDF printed it below its footnote's text
            notes.add(new Footnote(pendingNumber, new ArrayList<>(List.of(String.valueOf(pendingNumber)))));
        }
        return notes;
    }

    private record FootnoteStart(int number, String text) {
    }

    /**
     * convention: a footnote starts with its number, set smaller than its text or raised ("¹ text"), or printed
     * plainly ("4 Kamerstuk 29 362, nr. 290") when it is the next number in sequence; a continuation line that
     * happens to start with a number ("2014") does neither.
     */
    private static FootnoteStart footnoteStart(Line line, float textSize, int lastNumber, boolean firstOfBlock) {
        List<Glyph> glyphs = line.glyphs();
        int i = 0;
        while (i < glyphs.size() && glyphs.get(i).isSpace()) {
            i++;
        }
        StringBuilder digits = new StringBuilder();
        boolean raised = true;
        int j = i;
        while (j < glyphs.size() && !glyphs.get(j).isSpace() && glyphs.get(j).text().chars().allMatch(Character::isDigit)) {
            Glyph g = glyphs.get(j);
            digits.append(g.text());
            raised &= g.size() < textSize * SMALLER || line.isSuperscript(g);
            j++;
        }
        if (digits.length() == 0 || digits.length() > 3) {
            return null;
        }
        int number = Integer.parseInt(digits.toString());
        String rest = Texts.collapseKeepingNbsp(text(glyphs.subList(j, glyphs.size())));
        if (raised) {
            return new FootnoteStart(number, rest);
        }
        boolean separated = j == glyphs.size() || glyphs.get(j).isSpace();
        boolean inSequence = number == lastNumber + 1 || (firstOfBlock && number > lastNumber);
        return separated && inSequence && number > 0 ? new FootnoteStart(number, rest) : null;
    }

    private static float blockTextSize(List<Line> block) {
        Map<Float, Integer> sizes = new HashMap<>();
        for (Line line : block) {
            for (Glyph g : line.glyphs()) {
                if (!g.isSpace()) {
                    sizes.merge(round(g.size(), 10), 1, Integer::sum);
                }
            }
        }
        return mode(sizes);
    }

    private void typedPage(List<ExtractedLine> out, int page, PageParts parts, List<Footnote> notes,
                           Set<Integer> footnoteNumbers) {
        List<ExtractedLine> lines = new ArrayList<>();
        Line previous = null;
        for (Line line : parts.body()) {
            if (previous != null
                    && line.baseline() - previous.baseline() > PARAGRAPH_GAP * Math.max(line.size(), previous.size())) {
                lines.add(ExtractedLine.blank(page));
            }
            lines.add(parts.headers().contains(line) ? new ExtractedLine(line.plain(), page, LineRole.HEADER, 0)
                    : ExtractedLine.body(bodyText(line, footnoteNumbers), page));
            previous = line;
        }
        if (!notes.isEmpty()) {
            lines.add(ExtractedLine.blank(page));
            for (Footnote note : notes) {
                for (String text : note.lines()) {
                    lines.add(ExtractedLine.footnote(text, page, note.number()));
                }
            }
        }
        if (!parts.footers().isEmpty()) {
            lines.add(ExtractedLine.blank(page));
            for (Line footer : parts.footers()) {
                lines.add(new ExtractedLine(footer.plain(), page, LineRole.FOOTER, 0));
            }
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).text().isEmpty()) {
            first++;
        }
        out.addAll(lines.subList(first, lines.size()));
    }

    /** A body line with its superscript footnote markers written as {@code [^N]} or kept as glued digits. */
    private String bodyText(Line line, Set<Integer> footnoteNumbers) {
        List<Glyph> glyphs = line.glyphs();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < glyphs.size()) {
            Glyph g = glyphs.get(i);
            if (!g.isSpace() && isDigit(g) && line.isSuperscript(g)) {
                int j = i;
                while (j < glyphs.size() && (line.isSuperscript(glyphs.get(j)) || glyphs.get(j).isSpace())
                        && markerChar(glyphs.get(j))) {
                    j++;
                }
                sb.append(marker(glyphs.subList(i, j), footnoteNumbers));
                i = j;
                continue;
            }
            sb.append(g.text());
            i++;
        }
        return Texts.collapseKeepingNbsp(sb);
    }

    private String marker(List<Glyph> run, Set<Integer> footnoteNumbers) {
        String original = text(run);
        if (markers == PdfTextExtractor.MarkerStyle.GLUED_DIGITS) {
            return original;
        }
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(original);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group()));
        }
        // only numbers the page bottoms print as footnotes are markers: "m²" or "CO₂"-like digits stay as they are
        if (numbers.isEmpty() || !footnoteNumbers.containsAll(numbers)) {
            return original;
        }
        if (markers == PdfTextExtractor.MarkerStyle.SUPERSCRIPT_DIGITS) {
            StringBuilder sup = new StringBuilder();
            original.chars().forEach(c -> sup.append(Character.isDigit(c) ? SUPERSCRIPTS.charAt(c - '0') : (char) c));
            return sup.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (int n : numbers) {
            sb.append("[^").append(n).append(']');
        }
        if (original.endsWith(" ")) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static boolean isDigit(Glyph g) {
        return g.text().chars().allMatch(Character::isDigit);
    }

    private static boolean markerChar(Glyph g) {
        return g.text().chars().allMatch(c -> Character.isDigit(c) || c == ',' || Character.isWhitespace(c));
    }

    // ---- helpers ----

    private static List<Line> sortedByBaseline(List<Line> lines) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble(Line::baseline));
        return sorted;
    }

    private static float round(float value, int perPoint) {
        return (float) Math.round(value * perPoint) / perPoint;
    }

    private static float mode(Map<Float, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0f);
    }
}
