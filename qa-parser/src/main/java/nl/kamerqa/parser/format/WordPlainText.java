package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lines both Word extractors hand over, .docx ({@link DocxTextExtractor}) and .doc ({@link DocTextExtractor})
 * alike, so the text parser reads them the same; as text ({@link ExtractedText#text()}) the shape of
 * {@code pandoc -t plain --wrap=none}. Paragraphs are
 * separated by a blank line, a manual line break stays a line break, a list item starts with its marker
 * ("1)  text"), a note reference is "[N]" (numbered in order of first reference) and the notes follow the body as
 * "[N] text". One instance per document: it counts the characters against {@link #MAX_CHARS}.
 */
final class WordPlainText {

    static final long MAX_CHARS = 20_000_000L;

    private final Map<String, Integer> noteNumbers = new HashMap<>();
    private final List<String> notesInOrder = new ArrayList<>();
    private long chars;

    /**
     * A paragraph as printed: each line's whitespace folded (no-break spaces kept, as pandoc keeps them), blank lines
     * dropped, the list marker before it; null when nothing visible is left. The marker is asked for only then, so an
     * empty paragraph counts no list item.
     */
    String paragraph(CharSequence raw, Supplier<String> listMarker) {
        List<String> kept = new ArrayList<>();
        for (String line : raw.toString().split("\n", -1)) {
            String clean = Texts.collapseKeepingNbsp(line);
            if (!clean.isEmpty()) {
                kept.add(clean);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        String text = String.join("\n", kept);
        String marker = listMarker.get();
        if (marker != null) {
            text = ListMarkers.item(marker, text);
        }
        chars += text.length();
        if (chars > MAX_CHARS) {
            throw new UnsupportedDocumentException("Word document holds more than " + MAX_CHARS + " characters");
        }
        return text;
    }

    /** "[N]" for a reference to the note {@code key}, N given at its first reference. */
    String noteReference(String key) {
        return "[" + noteNumbers.computeIfAbsent(key, k -> {
            notesInOrder.add(k);
            return notesInOrder.size();
        }) + "]";
    }

    /**
     * The document as typed lines ({@link FlowingText}): the body's paragraphs (those at {@code headings} as headings),
     * then every referenced note as "[N] " and its paragraphs joined by a space, a footnote line. Reading a note may
     * reference further notes; they are printed after it.
     */
    ExtractedText lines(List<String> body, Set<Integer> headings, Function<String, List<String>> noteParagraphs) {
        FlowingText out = new FlowingText();
        for (int i = 0; i < body.size(); i++) {
            out.paragraph(body.get(i), headings.contains(i));
        }
        for (int i = 0; i < notesInOrder.size(); i++) {
            String key = notesInOrder.get(i);
            out.note(noteNumbers.get(key), String.join(" ", noteParagraphs.apply(key)));
        }
        return out.build();
    }
}
