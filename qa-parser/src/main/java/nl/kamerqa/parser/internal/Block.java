package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A question (number, no covers) or an answer (the numbers it covers) with the line pieces that make its text and
 * the footnotes its text cites.
 */
final class Block {
    final int number;
    final List<Integer> covers;
    final String party;
    /** Index of the line where it starts (its label, or its first text line). */
    final int line;
    final List<String> pieces = new ArrayList<>();
    final List<Integer> footnotes = new ArrayList<>();

    Block(int number, List<Integer> covers, String party, int line) {
        this.number = number;
        this.covers = new ArrayList<>(covers);
        this.party = party;
        this.line = line;
    }

    boolean isQuestion() {
        return covers.isEmpty() && number > 0;
    }

    /** Adds the text of line {@code i} from column {@code offset}, its footnote markers taken out and listed. */
    void add(List<SourceLine> lines, FootnoteLayout notes, int i, String text, int offset) {
        List<FootnoteLayout.Marker> markers = notes.markers(i);
        if (markers.isEmpty()) {
            pieces.add(text);
            return;
        }
        String full = lines.get(i).text();
        StringBuilder cleaned = new StringBuilder();
        int at = offset;
        for (FootnoteLayout.Marker m : markers.stream().sorted(Comparator.comparingInt(FootnoteLayout.Marker::start)).toList()) {
            if (m.start() < offset || m.start() < at) {
                continue;
            }
            cleaned.append(full, at, m.start());
            at = m.end();
            if (!footnotes.contains(m.number())) {
                footnotes.add(m.number());
            }
        }
        cleaned.append(full, at, full.length());
        pieces.add(cleaned.toString().strip());
    }
}
