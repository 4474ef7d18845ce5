package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.PdfGlyphCollector.Glyph;
import nl.kamerqa.parser.format.PdfTextExtractor.MarkerStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a PDF body line with its footnote markers (smaller, raised digits) written in a {@link MarkerStyle}:
 * {@code [^N]}, superscript digits, or kept as digits glued to the word.
 */
final class PdfFootnoteMarkers {

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private final MarkerStyle markers;

    PdfFootnoteMarkers(MarkerStyle markers) {
        this.markers = markers;
    }

    /** A body line with its superscript footnote markers written as {@code [^N]} or kept as glued digits. */
    String bodyText(PdfLine line, Set<Integer> footnoteNumbers) {
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
        String original = PdfLine.text(run);
        if (markers == MarkerStyle.GLUED_DIGITS) {
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
        if (markers == MarkerStyle.SUPERSCRIPT_DIGITS) {
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
}
