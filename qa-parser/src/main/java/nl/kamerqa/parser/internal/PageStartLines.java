package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Page-start recogniser for extractors that mark a new page only by indenting its first line.
 * <p>
 * convention: in text extracted like the sample, a page whose start has no footer or form feed begins with a
 * line indented by exactly one space (" Antwoord", " pinautomaat, ..."). Such lines only count as page starts
 * when they are rare and spread out: in {@code pdftotext -layout} output many lines are indented, and then
 * none of them marks a page.
 */
final class PageStartLines {

    private static final double MAX_INDENTED_SHARE = 0.10;
    private static final int MAX_INDENTED_ALWAYS = 2;
    private static final int MIN_MEDIAN_GAP = 20;

    private PageStartLines() {
    }

    /** Indexes (into {@code lines}) of the lines that start a page, empty when indentation marks no pages. */
    static List<Integer> find(List<SourceLine> lines) {
        List<Integer> candidates = new ArrayList<>();
        int nonBlank = 0;
        int indented = 0;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            nonBlank++;
            if (line.indent() > 0) {
                indented++;
            }
            if (line.indent() == 1) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty() || indented > Math.max(MAX_INDENTED_SHARE * nonBlank, MAX_INDENTED_ALWAYS)) {
            return List.of();
        }
        if (candidates.size() > 1 && medianGap(candidates) < MIN_MEDIAN_GAP) {
            return List.of();
        }
        return candidates;
    }

    private static int medianGap(List<Integer> candidates) {
        int[] gaps = new int[candidates.size() - 1];
        for (int i = 1; i < candidates.size(); i++) {
            gaps[i - 1] = candidates.get(i) - candidates.get(i - 1);
        }
        java.util.Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }
}
