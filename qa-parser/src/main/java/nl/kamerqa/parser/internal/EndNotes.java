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
 * its own kind, so a numbered list closing the last answer ("1) Eerst ...") stays text.
 */
final class EndNotes {

    private static final Pattern BRACKET = Pattern.compile("^\\[(\\d{1,3})\\] ?(.*)$");
    private static final Pattern TYPED = Pattern.compile("^(\\d{1,3})\\) (\\S.*)$");
    private static final int MAX_NOTES = 200;

    /** A note: its number, the line it stands on, its text, and the marker that cites it. */
    record Note(int number, int line, String text, int markerLine, int markerStart, int markerEnd) {
    }

    private EndNotes() {
    }

    /**
     * The notes at the end of the text, in document order; empty when the text does not end in notes.
     *
     * @param skip lines that are no text (footers)
     */
    static List<Note> find(List<SourceLine> lines, boolean[] skip) {
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
            if (b.matches() && !b.group(2).isEmpty()) {
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
            int[] marker = cited == null || cited.isEmpty() ? new int[]{-1, -1, -1} : cited.remove(0);
            notes.add(note(lines, entry, marker[0], marker[1], marker[2]));
        }
        return notes;
    }

    private static Note note(List<SourceLine> lines, int[] entry, int markerLine, int start, int end) {
        String text = lines.get(entry[0]).text();
        String body = entry[2] == 0 ? text.substring(text.indexOf(']') + 1).strip() : text.substring(text.indexOf(')') + 1).strip();
        return new Note(entry[1], entry[0], body, markerLine, start, end);
    }
}
