package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the text may cite footnotes ({@link FootnoteMarkers}), and which of those places cites footnote n.
 * <p>
 * convention: footnotes are cited in order, so the marker of footnote n stands after the marker of the footnote
 * before it and above its body, never in footnote text; among those, one on the body's own page, then the most
 * firmly glued, then the first.
 */
final class MarkerCandidates {

    /** A place in line {@code line}, {@code [start, end)}, that may cite a footnote. */
    record Candidate(int line, int start, int end, int strength, FootnoteMarkers.Form form) {
    }

    private final Map<Integer, List<Candidate>> byNumber = new HashMap<>();
    private int lastLine = -1;
    private int lastEnd = -1;

    private MarkerCandidates() {
    }

    /** The candidates of every line that is no footer and no footnote text. */
    static MarkerCandidates scan(List<SourceLine> lines, boolean[] footer, boolean[] zone) {
        MarkerCandidates found = new MarkerCandidates();
        for (int i = 0; i < lines.size(); i++) {
            if (!footer[i] && !zone[i] && !lines.get(i).isBlank()) {
                for (FootnoteMarkers.Candidate c : FootnoteMarkers.scan(lines.get(i).text())) {
                    if (c.form() == FootnoteMarkers.Form.TYPED) {
                        continue; // a typed "1)" only cites a typed end note ({@link EndNotes})
                    }
                    found.byNumber.computeIfAbsent(c.number(), k -> new ArrayList<>())
                            .add(new Candidate(i, c.start(), c.end(), c.strength(), c.form()));
                }
            }
        }
        return found;
    }

    /** Every candidate for footnote {@code number}, in text order. */
    List<Candidate> of(int number) {
        return byNumber.getOrDefault(number, List.of());
    }

    /**
     * The marker citing footnote {@code number}: a candidate after the last one taken and before line
     * {@code before}, outside footnote text ({@code zone}); on the page of line {@code bodyLine} if possible.
     */
    Candidate choose(int number, int before, int bodyLine, boolean[] zone, PageMap pages) {
        List<Candidate> list = of(number);
        Candidate best = null;
        int bestScore = -1;
        for (int k = firstAfterLast(list); k < list.size(); k++) {
            Candidate c = list.get(k);
            if (c.line() >= before) {
                break;
            }
            if (zone[c.line()]) {
                continue;
            }
            int score = c.strength() + (pages.segment(c.line()) == pages.segment(bodyLine) ? 10 : 0);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** The next marker stands after {@code marker}. */
    void taken(Candidate marker) {
        lastLine = marker.line();
        lastEnd = marker.end();
    }

    /** Where the last marker taken ends, to go back to when a guess is dropped. */
    int[] position() {
        return new int[]{lastLine, lastEnd};
    }

    void restore(int[] position) {
        lastLine = position[0];
        lastEnd = position[1];
    }

    private int firstAfterLast(List<Candidate> list) {
        int low = 0;
        int high = list.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            Candidate c = list.get(mid);
            boolean after = c.line() > lastLine || (c.line() == lastLine && c.start() >= lastEnd);
            if (after) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
