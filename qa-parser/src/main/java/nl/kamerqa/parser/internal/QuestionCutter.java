package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the text under one label into its questions, and a question's text from an answer that follows it without a
 * heading.
 * <p>
 * conventions: a heading naming several questions ("Vraag 2 en 3", "5, 6 en 7") holds their texts one after the
 * other, each later one starting a new paragraph or at least a new sentence at a line start: the break lines that
 * fit best are taken, and when there are too few the questions share the text; a question no heading answers is its
 * text up to the last of its first run of sentences ending in "?" (or, in lists and notas, asking indirectly), the
 * answer the rest.
 */
final class QuestionCutter {

    private static final int PARAGRAPH = 1000;
    // convention: a nota or list asks indirectly, the members named first: "De leden van de D66-fractie vragen of
    // ...", "Zij verzoeken de regering ...", "Voorts vragen deze leden ..."; "De regering ..." answers
    private static final Pattern ASKING = Pattern.compile(
            "^(?:\\S+ ){0,4}?(?:de leden|het lid|deze leden|dezelfde leden|dit lid|zij|de \\S+-fractie)\\b[^.?!]{0,200}?"
                    + "\\b(?:vragen|vraagt|verzoeken|verzoekt|willen weten|wil weten|wensen|wenst)\\b"
                    + "|^(?:\\S+ ){0,2}?(?:vragen|vraagt|verzoeken|verzoekt)\\b[^.?!]{0,40}?\\b(?:de leden|het lid|deze leden|dit lid|zij)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final TextLines lines;
    private final int fullWidth;
    private final Warnings warnings;
    private final boolean indirectAsking;

    QuestionCutter(TextLines lines, int fullWidth, Warnings warnings, boolean indirectAsking) {
        this.lines = lines;
        this.fullWidth = fullWidth;
        this.warnings = warnings;
        this.indirectAsking = indirectAsking;
    }

    /**
     * Cuts the text lines of a heading that names {@code numbers} into that many texts at the best breaks; when there
     * are too few breaks every question gets the whole text.
     *
     * @param paragraphsOnly only paragraphs part the texts (a bare-number heading)
     */
    List<List<int[]>> split(List<int[]> parts, List<Integer> numbers, boolean paragraphsOnly) {
        int count = numbers.size();
        List<List<int[]>> out = new ArrayList<>();
        if (count == 1) {
            out.add(parts);
            return out;
        }
        List<int[]> breaks = breaks(parts); // {part index, score}
        if (paragraphsOnly) {
            // convention: "5, 6 en 7" above one paragraph: the questions share it; only paragraphs part them
            breaks.removeIf(b -> b[1] < PARAGRAPH);
        }
        if (breaks.size() < count - 1) {
            if (!parts.isEmpty()) {
                warnings.add("questions " + numbers + " share one text: it has no break for each of them");
            }
            for (int k = 0; k < count; k++) {
                out.add(parts);
            }
            return out;
        }
        breaks.sort(Comparator.comparingInt((int[] b) -> -b[1]).thenComparingInt(b -> b[0]));
        List<Integer> cuts = new ArrayList<>();
        for (int k = 0; k < count - 1; k++) {
            cuts.add(breaks.get(k)[0]);
        }
        cuts.sort(Integer::compare);
        int from = 0;
        for (int cut : cuts) {
            out.add(parts.subList(from, cut));
            from = cut;
        }
        out.add(parts.subList(from, parts.size()));
        return out;
    }

    /**
     * Where the answer starts in a question's text when no heading marks it: after the first run of sentences that
     * end in "?" at a line end; 0 when the text holds no answer.
     */
    int headlessAnswerStart(List<int[]> parts) {
        if (parts.isEmpty()) {
            return 0;
        }
        List<int[]> breaks = breaks(parts);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        breaks.forEach(b -> starts.add(b[0]));
        boolean inQuestion = false;
        for (int u = 0; u < starts.size(); u++) {
            int end = u + 1 < starts.size() ? starts.get(u + 1) : parts.size();
            boolean asks = lines.withoutTrailingMarker(parts.get(end - 1)[0]).endsWith("?")
                    || indirectAsking && asksIndirectly(parts.subList(starts.get(u), end));
            if (asks) {
                inQuestion = true;
            } else if (inQuestion) {
                return starts.get(u);
            }
        }
        return 0;
    }

    /**
     * Where a new paragraph or sentence starts at a line start within {@code parts}: {part index, score}; a blank
     * line scores highest, then a line after one ending in "?", then after one ending a sentence; a short line before
     * it counts in favour.
     */
    private List<int[]> breaks(List<int[]> parts) {
        List<int[]> out = new ArrayList<>();
        for (int k = 1; k < parts.size(); k++) {
            int previous = parts.get(k - 1)[0];
            int line = parts.get(k)[0];
            String text = lines.text(parts.get(k));
            String before = lines.withoutTrailingMarker(previous);
            boolean paragraph = lines.blankBetween(previous, line);
            char end = before.isEmpty() ? ' ' : before.charAt(before.length() - 1);
            boolean sentence = (end == '?' || end == '.' || end == '!' || end == ':') && TextLines.startsSentence(text);
            if (!paragraph && !sentence) {
                continue;
            }
            int slack = Math.max(0, Math.min(40, fullWidth - before.length()));
            int score = (paragraph ? PARAGRAPH : 0) + (end == '?' ? 200 : end == '.' || end == '!' ? 100 : 0) + slack;
            out.add(new int[]{k, score});
        }
        return out;
    }

    /** "De leden van de D66-fractie vragen of ...": a question put without a question mark. */
    private boolean asksIndirectly(List<int[]> unit) {
        StringBuilder text = new StringBuilder();
        for (int[] part : unit) {
            text.append(lines.text(part)).append(' ');
            if (text.length() > 400) {
                break;
            }
        }
        return ASKING.matcher(text).find();
    }
}
