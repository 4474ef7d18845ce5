package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.PdfGlyphCollector.Glyph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The footnotes of a PDF page, read from the small print at its bottom. */
final class PdfFootnotes {

    /** A footnote is printed smaller than the body: at most this share of the body's size. */
    static final float SMALLER = 0.9f;

    /** A footnote: its number and its lines, the first one "N text". */
    record Footnote(int number, List<String> lines) {
    }

    private record FootnoteStart(int number, String text) {
    }

    private PdfFootnotes() {
    }

    /**
     * The footnotes in {@code block}, the small print at the bottom of a page, or null when no line there starts one.
     * Lines above the first footnote start go back to the page's {@code body} (kept in baseline order).
     *
     * @param lastNumber the number of the document's last footnote before this page, 0 for none
     */
    static List<Footnote> read(List<PdfLine> block, List<PdfLine> body, int lastNumber) {
        if (block.isEmpty()) {
            return List.of();
        }
        float textSize = blockTextSize(block);
        int first = -1;
        for (int i = 0; i < block.size() && first < 0; i++) {
            if (start(block.get(i), textSize, lastNumber, true) != null) {
                first = i;
            }
        }
        if (first < 0) {
            return null;
        }
        if (first > 0) {
            body.addAll(block.subList(0, first));
            body.sort(Comparator.comparingDouble(PdfLine::baseline));
        }
        List<Footnote> notes = new ArrayList<>();
        Integer pendingNumber = null;
        int last = lastNumber;
        for (int i = first; i < block.size(); i++) {
            PdfLine line = block.get(i);
            FootnoteStart start = start(line, textSize, last, notes.isEmpty() && pendingNumber == null);
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

    /**
     * convention: a footnote starts with its number, set smaller than its text or raised ("¹ text"), or printed
     * plainly ("4 Kamerstuk 29 362, nr. 290") when it is the next number in sequence; a continuation line that
     * happens to start with a number ("2014") does neither.
     */
    private static FootnoteStart start(PdfLine line, float textSize, int lastNumber, boolean firstOfBlock) {
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
        String rest = Texts.collapseKeepingNbsp(PdfLine.text(glyphs.subList(j, glyphs.size())));
        if (raised) {
            return new FootnoteStart(number, rest);
        }
        boolean separated = j == glyphs.size() || glyphs.get(j).isSpace();
        boolean inSequence = number == lastNumber + 1 || (firstOfBlock && number > lastNumber);
        return separated && inSequence && number > 0 ? new FootnoteStart(number, rest) : null;
    }

    private static float blockTextSize(List<PdfLine> block) {
        Map<Float, Integer> sizes = new HashMap<>();
        for (PdfLine line : block) {
            for (Glyph g : line.glyphs()) {
                if (!g.isSpace()) {
                    sizes.merge(PdfLine.round(g.size(), 10), 1, Integer::sum);
                }
            }
        }
        return PdfLine.mode(sizes);
    }
}
