package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-note recogniser: notes gathered at the end of a document, as Word text gives them.
 * <p>
 * convention: a Word footnote or endnote comes out as "[1]" in the text and "[1] Kamerstukken, 2022-2023, ..." at
 * the end (pandoc, {@code DocxTextExtractor}); a note typed by hand as " 1)" at the end of a paragraph and
 * "1)  Geen spoed wel brandweer – Brandweer" at the end. The two kinds count separately, so one document may have
 * two notes numbered 1. A trailing paragraph shaped like a note is only one when the text cites it with a marker of
 * its own kind, so a numbered list closing the last answer ("1) Eerst ...") stays text. Typed markers stand apart
 * ("verzoek? 1)") or glued to the word ("besluit2)"); the typed notes may be an auto-numbered list ("1.  Rapport").
 * A Word note cited twice ("de brief[1]" again in a later answer) is one note with two markers.
 */
final class EndNotes {

    private static final Pattern BRACKET = Pattern.compile("^\\[(\\d{1,3})\\] ?(.*)$");
    // "1)  Geen spoed" typed by hand; "1.  Rapport …" when the notes are an auto-numbered list at the letter's end
    private static final Pattern TYPED = Pattern.compile("^(\\d{1,3})[).] +(\\S.*)$");
    private static final int MAX_NOTES = 200;

    /** A note: its number, the line it stands on, its text, and the marker that cites it. */
    record Note(int number, int line, String text, List<int[]> markers) {
        Note {
            markers = List.copyOf(markers);
        }
    }

    private EndNotes() {
    }

    /**
     * The notes at the end of the text, in document order; empty when the text does not end in notes.
     *
     * @param skip      lines that are no text (footers)
     * @param bracketed a trailing "[1] ..." may be a Word note; false where the extractor told the Word notes, so
     *                  such a paragraph is the author's text
     */
    static List<Note> find(List<SourceLine> lines, boolean[] skip, boolean bracketed) {
        List<int[]> tail = new ArrayList<>(); // {line, number, kind 0 = bracket, 1 = typed}
        int i = lines.size() - 1;
        while (i >= 0 && tail.size() < MAX_NOTES) {
            SourceLine line = lines.get(i);
            if (line.isBlank() || skip[i]) {
                i--;
                continue;
            }
            Matcher b = BRACKET.matcher(line.text());
            Matcher t = TYPED.matcher(line.text());
            if (bracketed && b.matches() && !b.group(2).isEmpty()) {
                tail.add(0, new int[]{i, Integer.parseInt(b.group(1)), 0});
            } else if (t.matches()) {
                tail.add(0, new int[]{i, Integer.parseInt(t.group(1)), 1});
            } else {
                break;
            }
            i--;
        }
        if (tail.isEmpty()) {
            return List.of();
        }
        int textEnd = tail.get(0)[0];
        // the markers in the text before the notes, by kind and number, first unused one wins
        Map<String, List<int[]>> markers = new HashMap<>();
        for (int l = 0; l < textEnd; l++) {
            if (skip[l] || lines.get(l).isBlank()) {
                continue;
            }
            for (FootnoteMarkers.Candidate c : FootnoteMarkers.scan(lines.get(l).text())) {
                String kind = c.form() == FootnoteMarkers.Form.BRACKET ? "b" : c.form() == FootnoteMarkers.Form.TYPED ? "t" : null;
                if (kind != null) {
                    markers.computeIfAbsent(kind + c.number(), k -> new ArrayList<>()).add(new int[]{l, c.start(), c.end()});
                }
            }
        }
        // the notes are a suffix of the tail: a typed "note" nobody cites ends a numbered list, not the notes
        int from = 0;
        for (int k = 0; k < tail.size(); k++) {
            int[] entry = tail.get(k);
            if (entry[2] == 1 && !markers.containsKey("t" + entry[1])) {
                from = k + 1;
            }
        }
        List<Note> notes = new ArrayList<>();
        for (int[] entry : tail.subList(from, tail.size())) {
            List<int[]> cited = markers.get((entry[2] == 0 ? "b" : "t") + entry[1]);
            List<int[]> own = new ArrayList<>();
            if (cited != null && !cited.isEmpty()) {
                // a Word note's number is given once, so every "[1]" cites it; a typed "1)" may start a list again
                own.addAll(entry[2] == 0 ? cited : List.of(cited.get(0)));
                if (entry[2] == 0) {
                    cited.clear();
                } else {
                    cited.remove(0);
                }
            }
            notes.add(note(lines, entry, own));
        }
        return notes;
    }

    private static Note note(List<SourceLine> lines, int[] entry, List<int[]> markers) {
        String text = lines.get(entry[0]).text();
        Matcher m = (entry[2] == 0 ? BRACKET : TYPED).matcher(text);
        String body = m.matches() ? m.group(2).strip() : text;
        return new Note(entry[1], entry[0], body, markers);
    }
}
