package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.internal.FootnoteNumberPairing.Item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Footnote numbers printed apart from their text, put back in front of it.
 * <p>
 * convention: pdftotext (default and {@code -layout} mode) prints a footnote's number on a line of its own above its
 * text ("1", "", "Financieel Dagblad, ..."), and now and then elsewhere: after a later footnote's text ("... nr. 70",
 * "2"), or several numbers stacked above their texts ("15", "16", "Kamerstuk ...", "Het actuele ..."). A number
 * with no text after it belongs to a text that has no number before it, in order; a text without a number starts
 * where the line before it ends short of the full width ({@link FootnoteNumberPairing} pairs them). The result is the canonical form the rest of the parser
 * reads — "N text" lines after a blank line at the page bottom — so {@link FootnoteLayout} needs to know no
 * extractor.
 * <p>
 * A page bottom is only rewritten when its first bare number is the next footnote expected and a marker for it
 * stands in the text above; so the Kamer number "2" in a header and numbers in a table stay where they are.
 */
final class DetachedFootnotes {

    private static final int MAX_ZONE_LINES = 20;
    private static final int MAX_AHEAD = 40;

    private final List<SourceLine> lines;
    private final boolean[] footer;
    private final IntPredicate structural;
    private final int fullWidth;
    private final Map<Integer, List<Integer>> markerLines = new HashMap<>();
    private int next = 1;
    private int lastMarkerLine = -1;

    private DetachedFootnotes(List<SourceLine> lines, boolean[] footer, IntPredicate structural) {
        this.lines = lines;
        this.footer = footer;
        this.structural = structural;
        this.fullWidth = FootnoteBody.fullWidth(lines, footer);
    }

    /**
     * The lines with every detached page-bottom footnote number put back in front of its text; the same list when
     * there are none.
     *
     * @param footer     the line is (part of) a page footer
     * @param structural the line is a heading or a question or answer label, never footnote text
     */
    static List<SourceLine> attach(List<SourceLine> lines, boolean[] footer, IntPredicate structural) {
        if (!anyBareNumber(lines)) {
            return lines;
        }
        return new DetachedFootnotes(lines, footer, structural).run();
    }

    private static boolean anyBareNumber(List<SourceLine> lines) {
        for (SourceLine line : lines) {
            if (bareNumber(line.text()) > 0) {
                return true;
            }
        }
        return false;
    }

    /** "12" → 12; anything else → -1. */
    private static int bareNumber(String text) {
        int n = text.length();
        if (n == 0 || n > 3 || text.charAt(0) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private List<SourceLine> run() {
        for (int i = 0; i < lines.size(); i++) {
            if (footer[i]) {
                continue;
            }
            for (FootnoteMarkers.Candidate c : FootnoteMarkers.scan(lines.get(i).text())) {
                List<Integer> at = markerLines.computeIfAbsent(c.number(), k -> new ArrayList<>());
                if (at.isEmpty() || at.get(at.size() - 1) != i) {
                    at.add(i);
                }
            }
        }
        List<SourceLine> out = new ArrayList<>(lines.size());
        boolean changed = false;
        int start = 0;
        while (start < lines.size()) {
            int end = pageEnd(start);
            int bottom = start;
            while (bottom < end && !footer[bottom]) {
                bottom++;
            }
            int zone = zoneStart(start, bottom);
            if (zone < 0) {
                out.addAll(lines.subList(start, end));
            } else {
                out.addAll(lines.subList(start, zone));
                rewrite(zone, bottom, out);
                out.addAll(lines.subList(bottom, end));
                changed = true;
            }
            start = end;
        }
        return changed ? out : lines;
    }

    /** A page ends before the next form feed or after the footer lines that close it. */
    private int pageEnd(int start) {
        int i = start + 1;
        boolean sawFooter = footer[start];
        while (i < lines.size() && !lines.get(i).formFeedBefore()) {
            if (footer[i]) {
                sawFooter = true;
            } else if (sawFooter && !lines.get(i).isBlank()) {
                return i;
            }
            i++;
        }
        return i;
    }

    /** The first bare number of the page bottom that opens its footnotes, or -1. */
    private int zoneStart(int start, int bottom) {
        for (int i = start; i < bottom; i++) {
            int number = bareNumber(lines.get(i).text());
            if (number >= next && number <= next + MAX_AHEAD && markedBefore(number, i) && onlyNotesFollow(i, bottom)) {
                return i;
            }
        }
        return -1;
    }

    private boolean markedBefore(int number, int line) {
        List<Integer> at = markerLines.get(number);
        if (at == null) {
            return false;
        }
        for (int k = at.size() - 1; k >= 0; k--) {
            int l = at.get(k);
            if (l < line) {
                return l >= lastMarkerLine;
            }
        }
        return false;
    }

    /**
     * Up to the page bottom stand only a few lines, no heading or label among them, and every bare number among them
     * that could be a footnote's is cited above: so a bare question number ("5" above its question) is no footnote.
     */
    private boolean onlyNotesFollow(int from, int bottom) {
        int count = 0;
        for (int j = from + 1; j < bottom; j++) {
            if (lines.get(j).isBlank()) {
                continue;
            }
            if (++count > MAX_ZONE_LINES || structural.test(j)) {
                return false;
            }
            int number = bareNumber(lines.get(j).text());
            if (number >= next && number <= next + MAX_AHEAD && !markedBefore(number, from)) {
                return false;
            }
        }
        return true;
    }

    private void rewrite(int zone, int bottom, List<SourceLine> out) {
        List<Item> items = new ArrayList<>();
        for (int i = zone; i < bottom; i++) {
            String text = lines.get(i).text();
            if (text.isEmpty()) {
                continue;
            }
            int number = bareNumber(text);
            items.add(new Item(i, number >= next && number <= next + MAX_AHEAD ? number : -1));
        }
        Map<Integer, List<Integer>> bodies = FootnoteNumberPairing.bodies(items, lines, fullWidth);
        SourceLine first = lines.get(zone);
        out.add(new SourceLine(first.number(), "", 0, first.formFeedBefore()));
        int max = next - 1;
        for (Map.Entry<Integer, List<Integer>> body : bodies.entrySet()) {
            int number = body.getKey();
            List<Integer> bodyLines = body.getValue();
            SourceLine head = lines.get(bodyLines.get(0));
            out.add(new SourceLine(head.number(), number + " " + head.text(), 0, false));
            for (int b = 1; b < bodyLines.size(); b++) {
                out.add(withoutFormFeed(lines.get(bodyLines.get(b))));
            }
            max = Math.max(max, number);
        }
        if (max >= next) {
            List<Integer> at = markerLines.get(max);
            if (at != null) {
                for (int l : at) {
                    if (l < zone) {
                        lastMarkerLine = Math.max(lastMarkerLine, l);
                    }
                }
            }
            next = max + 1;
        }
    }

    private static SourceLine withoutFormFeed(SourceLine line) {
        return line.formFeedBefore() ? new SourceLine(line.number(), line.text(), line.indent(), false) : line;
    }
}
