package nl.kamerqa.parser.format;

import nl.kamerqa.parser.extracted.ExtractedLine;
import nl.kamerqa.parser.extracted.LineRole;
import nl.kamerqa.parser.format.PdfFootnotes.Footnote;
import nl.kamerqa.parser.format.PdfGlyphCollector.Glyph;
import nl.kamerqa.parser.format.PdfGlyphCollector.Page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the glyph lines of every page into the typed lines the text parser reads, each with its PDF page: body lines
 * in reading order, then the page's footnotes ("N text", continuation lines following, role footnote with the
 * note's number), then the official footer line (role footer; a line shaped like it at the top of a page is a
 * header). Repeated running headers/footers and bare page numbers are dropped. The steps share the line metrics of
 * {@link PdfLine}: running lines are found by {@link PdfRunningLines}, footnotes by {@link PdfFootnotes}, markers
 * written by {@link PdfFootnoteMarkers}; this class sorts each page's lines into their parts and writes them out.
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
    private static final float PARAGRAPH_GAP = 3f;

    /** What one page holds once classified. */
    private record PageParts(List<PdfLine> body, List<PdfLine> footnoteLines, List<PdfLine> footers,
                             Set<PdfLine> headers) {
    }

    private final PdfFootnoteMarkers markers;

    PdfPageComposer(PdfTextExtractor.MarkerStyle markers) {
        this.markers = new PdfFootnoteMarkers(markers);
    }

    List<ExtractedLine> compose(List<Page> pages) {
        List<List<PdfLine>> lines = new ArrayList<>();
        for (Page page : pages) {
            List<PdfLine> pageLines = new ArrayList<>();
            for (List<Glyph> raw : page.lines()) {
                pageLines.addAll(PdfLine.of(raw));
            }
            lines.add(pageLines);
        }
        float bodySize = bodySize(lines);
        float bodyLeft = bodyLeft(lines, bodySize);
        PdfRunningLines running = PdfRunningLines.find(pages, lines, bodySize);

        List<PageParts> parts = new ArrayList<>();
        List<List<Footnote>> footnotes = new ArrayList<>();
        Set<Integer> footnoteNumbers = new HashSet<>();
        int lastFootnote = 0;
        for (int p = 0; p < pages.size(); p++) {
            PageParts pp = classify(pages.get(p), lines.get(p), p + 1, bodySize, bodyLeft, running);
            List<Footnote> notes = PdfFootnotes.read(pp.footnoteLines(), pp.body(), lastFootnote);
            if (notes == null) {
                // no numbered footnote start: the small print stays where it is, as body text
                List<PdfLine> body = new ArrayList<>(pp.body());
                body.addAll(pp.footnoteLines());
                body.sort(Comparator.comparingDouble(PdfLine::baseline));
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

    /** The size most text is set in. */
    private static float bodySize(List<List<PdfLine>> pages) {
        Map<Float, Integer> sizes = new HashMap<>();
        for (List<PdfLine> page : pages) {
            for (PdfLine line : page) {
                for (Glyph g : line.glyphs()) {
                    if (!g.isSpace()) {
                        sizes.merge(PdfLine.round(g.size(), 2), 1, Integer::sum);
                    }
                }
            }
        }
        return sizes.isEmpty() ? 0 : PdfLine.mode(sizes);
    }

    /** Where body lines start most often: lines ending left of it are a margin column. */
    private static float bodyLeft(List<List<PdfLine>> pages, float bodySize) {
        Map<Float, Integer> lefts = new HashMap<>();
        for (List<PdfLine> page : pages) {
            for (PdfLine line : page) {
                if (Math.abs(line.size() - bodySize) < 0.6f) {
                    lefts.merge((float) Math.round(line.x0()), 1, Integer::sum);
                }
            }
        }
        return lefts.isEmpty() ? 0 : PdfLine.mode(lefts);
    }

    private static PageParts classify(Page page, List<PdfLine> pageLines, int pageNumber, float bodySize,
                                      float bodyLeft, PdfRunningLines running) {
        List<PdfLine> body = new ArrayList<>();
        List<PdfLine> content = new ArrayList<>();
        List<PdfLine> footers = new ArrayList<>();
        Set<PdfLine> headers = Collections.newSetFromMap(new IdentityHashMap<>());
        List<PdfLine> sorted = PdfLine.sortedByBaseline(pageLines);
        float lowest = (float) sorted.stream().filter(l -> l.x1() >= bodyLeft - 2f)
                .mapToDouble(PdfLine::baseline).max().orElse(0);
        for (PdfLine line : sorted) {
            boolean zone = PdfRunningLines.inZone(line, page);
            boolean official = OFFICIAL_FOOTER.matcher(line.plain()).matches() && line.size() >= bodySize * 0.85f;
            // the official footer in the bottom zone, or lower on the page than anything but the margin column
            boolean bottom = PdfRunningLines.inBottomZone(line, page)
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
            if (running.isRunning(line) && zone) {
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
        while (start > 0 && content.get(start - 1).size() <= bodySize * PdfFootnotes.SMALLER) {
            start--;
        }
        body.addAll(content.subList(0, start));
        body.sort(Comparator.comparingDouble(PdfLine::baseline));
        return new PageParts(body, new ArrayList<>(content.subList(start, content.size())), footers, headers);
    }

    private static boolean isPageNumber(PdfLine line, int pageNumber) {
        Matcher m = PAGE_NUMBER.matcher(line.plain());
        return m.matches() && Integer.parseInt(m.group(1)) == pageNumber;
    }

    private void typedPage(List<ExtractedLine> out, int page, PageParts parts, List<Footnote> notes,
                           Set<Integer> footnoteNumbers) {
        List<ExtractedLine> lines = new ArrayList<>();
        PdfLine previous = null;
        for (PdfLine line : parts.body()) {
            if (previous != null
                    && line.baseline() - previous.baseline() > PARAGRAPH_GAP * Math.max(line.size(), previous.size())) {
                lines.add(ExtractedLine.blank(page));
            }
            lines.add(parts.headers().contains(line) ? new ExtractedLine(line.plain(), page, LineRole.HEADER, 0)
                    : ExtractedLine.body(markers.bodyText(line, footnoteNumbers), page));
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
            for (PdfLine footer : parts.footers()) {
                lines.add(new ExtractedLine(footer.plain(), page, LineRole.FOOTER, 0));
            }
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).text().isEmpty()) {
            first++;
        }
        out.addAll(lines.subList(first, lines.size()));
    }
}
