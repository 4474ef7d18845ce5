package nl.kamerqa.parser.format;

import javax.xml.stream.XMLStreamReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import static nl.kamerqa.parser.format.OdtTextExtractor.STYLE;
import static nl.kamerqa.parser.format.OdtTextExtractor.TEXT;

/**
 * The list markers of an OpenDocument text as LibreOffice prints them: each list style's levels (prefix, number
 * format, suffix, start) from {@code text:list-level-style-*}, and counters per list style that a top-level list
 * starts again unless it continues the numbering, and that a nested list starts again under the next item.
 */
final class OdtListNumbering {

    /** A list level's number format: prefix, format ("1", "a", "i", "" for none), suffix, start; bullet when null. */
    private record Level(String prefix, String format, String suffix, int start) {
    }

    private final Map<String, Map<Integer, Level>> listStyles = new HashMap<>();
    // lists being read: style name, level counters
    private final Deque<String> listStyle = new ArrayDeque<>();
    private final Map<String, int[]> counters = new HashMap<>();

    /** A {@code text:list-level-style-number} ({@code numbered}) or {@code -bullet} of list style {@code style}. */
    void level(XMLStreamReader r, String style, boolean numbered) {
        int level = Texts.parseIntOr(r.getAttributeValue(TEXT, "level"), 1);
        String format = numbered ? r.getAttributeValue(STYLE, "num-format") : null;
        Level l = new Level(nonNull(r.getAttributeValue(STYLE, "num-prefix")), numbered ? nonNull(format) : null,
                nonNull(r.getAttributeValue(STYLE, "num-suffix")),
                Texts.parseIntOr(r.getAttributeValue(TEXT, "start-value"), 1));
        listStyles.computeIfAbsent(style, k -> new HashMap<>()).put(level, l);
    }

    /** A {@code text:list} opens: in its own style or its outer list's. */
    void startList(XMLStreamReader r) {
        String style = r.getAttributeValue(TEXT, "style-name");
        String outer = listStyle.peekLast();
        listStyle.addLast(style != null ? style : outer == null ? "" : outer);
        boolean continues = "true".equals(r.getAttributeValue(TEXT, "continue-numbering"))
                || r.getAttributeValue(TEXT, "continue-list") != null;
        if (listStyle.size() == 1 && !continues) {
            counters.remove(listStyle.peekLast());
        }
    }

    /** A {@code text:list} closes. */
    void endList() {
        if (!listStyle.isEmpty()) {
            int level = listStyle.size();
            int[] c = counters.get(listStyle.removeLast());
            if (c != null && level < c.length) {
                c[level] = 0; // a nested list starts again under the next item
            }
        }
    }

    /** "1)", "a.", "-": the marker of the next item in the innermost list; null outside lists. */
    String nextMarker(int startValue) {
        if (listStyle.isEmpty()) {
            return null;
        }
        int level = listStyle.size();
        String style = listStyle.peekLast();
        Level l = listStyles.getOrDefault(style, Map.of()).get(level);
        if (l == null) {
            return null; // a list style we do not know: its items are plain paragraphs
        }
        if (l.format() == null) {
            return "-";
        }
        if (l.format().isEmpty()) {
            return null;
        }
        int[] c = counters.computeIfAbsent(style, k -> new int[11]);
        if (level >= c.length) {
            return null;
        }
        c[level] = startValue > 0 ? startValue : c[level] == 0 ? l.start() : c[level] + 1;
        String number = switch (l.format()) {
            case "a" -> ListMarkers.letters(c[level]);
            case "A" -> ListMarkers.letters(c[level]).toUpperCase();
            case "i" -> ListMarkers.roman(c[level]).toLowerCase();
            case "I" -> ListMarkers.roman(c[level]);
            default -> String.valueOf(c[level]);
        };
        String marker = (l.prefix() + number + l.suffix()).strip();
        return marker.isEmpty() ? null : marker;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
