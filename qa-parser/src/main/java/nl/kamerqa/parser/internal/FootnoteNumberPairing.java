package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairs the footnote numbers of a page bottom that stand apart from their texts with those texts, for
 * {@link DetachedFootnotes}.
 * <p>
 * convention: a run of numbers stacked above a run of texts ("15", "16", "Kamerstuk ...", "Het actuele ...") numbers
 * the texts in order; a number with no text after it ("... nr. 70", "2") belongs to a text that has no number before
 * it, in order; a text starts where the line before it ends short of the full width ({@link FootnoteBody#isWrapped}),
 * the shortest line first.
 */
final class FootnoteNumberPairing {

    /** A non-blank line of the page bottom: its index, and its footnote number when it is a bare one (else -1). */
    record Item(int index, int number) {
        boolean isNumber() {
            return number > 0;
        }
    }

    /** A line where a new footnote may start, and how much shorter than the full width the line before it ends. */
    private record Split(int item, int score) {
    }

    private FootnoteNumberPairing() {
    }

    /**
     * The footnote bodies of a page bottom by number, in number order: the indexes of each body's lines.
     *
     * @param items     the page bottom's non-blank lines in order
     * @param lines     the lines the items index
     * @param fullWidth the width of a full text line ({@link FootnoteBody#fullWidth})
     */
    static Map<Integer, List<Integer>> bodies(List<Item> items, List<SourceLine> lines, int fullWidth) {
        // runs of numbers: each with the text after it, or floating when no text follows
        List<List<Integer>> runNumbers = new ArrayList<>();
        List<List<Integer>> runTexts = new ArrayList<>();
        List<Integer> floating = new ArrayList<>();
        int k = 0;
        while (k < items.size()) {
            List<Integer> numbers = new ArrayList<>();
            while (k < items.size() && items.get(k).isNumber()) {
                numbers.add(items.get(k++).number());
            }
            List<Integer> texts = new ArrayList<>();
            while (k < items.size() && !items.get(k).isNumber()) {
                texts.add(k++);
            }
            if (texts.isEmpty()) {
                floating.addAll(numbers);
            } else {
                runNumbers.add(numbers);
                runTexts.add(texts);
            }
        }
        floating.sort(Integer::compare);
        // where texts split: first the stacked numbers' own texts, then one more split per floating number
        List<List<Integer>> splits = new ArrayList<>();
        List<Split> spare = new ArrayList<>();
        for (int r = 0; r < runTexts.size(); r++) {
            List<Split> candidates = candidates(items, runTexts.get(r), lines, fullWidth);
            candidates.sort(Comparator.comparingInt(Split::score).reversed());
            int needed = Math.max(0, runNumbers.get(r).size() - 1);
            List<Integer> chosen = new ArrayList<>();
            for (Split s : candidates) {
                if (chosen.size() < needed) {
                    chosen.add(s.item());
                } else {
                    spare.add(s);
                }
            }
            splits.add(chosen);
        }
        spare.sort(Comparator.comparingInt(Split::score).reversed());
        List<Integer> extra = new ArrayList<>();
        for (int s = 0; s < Math.min(floating.size(), spare.size()); s++) {
            extra.add(spare.get(s).item());
        }
        // bodies: each run's texts cut at its splits; a piece beyond the run's numbers takes a floating number
        Map<Integer, List<Integer>> bodies = new TreeMap<>();
        int nextFloating = 0;
        for (int r = 0; r < runTexts.size(); r++) {
            List<Integer> numbers = runNumbers.get(r);
            int piece = 0;
            int current = -1;
            for (int item : runTexts.get(r)) {
                boolean cut = splits.get(r).contains(item) || extra.contains(item);
                if (current < 0 || cut) {
                    int number;
                    if (current < 0 || (splits.get(r).contains(item) && piece < numbers.size())) {
                        number = piece < numbers.size() ? numbers.get(piece) : -1;
                        piece++;
                    } else if (nextFloating < floating.size()) {
                        number = floating.get(nextFloating++);
                    } else {
                        number = -1;
                    }
                    if (number > 0 && !bodies.containsKey(number)) {
                        current = number;
                        bodies.put(number, new ArrayList<>());
                    }
                }
                if (current > 0) {
                    bodies.get(current).add(items.get(item).index());
                }
            }
        }
        return bodies;
    }

    /** Lines of a run's text where a new footnote may start: after a line that ends short of the full width. */
    private static List<Split> candidates(List<Item> items, List<Integer> texts, List<SourceLine> lines,
                                          int fullWidth) {
        List<Split> out = new ArrayList<>();
        for (int t = 1; t < texts.size(); t++) {
            String previous = lines.get(items.get(texts.get(t - 1)).index()).text();
            if (!FootnoteBody.isWrapped(previous, fullWidth)) {
                out.add(new Split(texts.get(t), fullWidth - previous.length()));
            }
        }
        return out;
    }
}
