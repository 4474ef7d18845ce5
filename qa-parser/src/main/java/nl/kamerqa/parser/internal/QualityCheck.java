package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Quality;
import nl.kamerqa.contracts.ParsedDocument.Question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link Quality} block of a parsed document, the same for every format: what an operator should look at before
 * trusting the record. A gap in the numbering, a question left without an answer where the genre answers its
 * questions, a number heading two questions, or a footnote cited but never found all point at a misread layout.
 */
public final class QualityCheck {

    private static final int MAX_LISTED = 50;

    private QualityCheck() {
    }

    public static Quality of(ParsedDocument document) {
        boolean mededeling = document.kamervragen() != null && document.kamervragen().mededeling() != null;
        boolean expected = !mededeling && Genre.of(document.genre()).map(Genre::answersExpected).orElse(false);
        TreeSet<Integer> numbers = new TreeSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        List<String> unanswered = new ArrayList<>();
        Set<Integer> cited = new TreeSet<>();
        for (Question q : document.questions()) {
            if (!seen.add(q.number())) {
                duplicated.add(q.number());
            }
            if (q.number() != null && q.number().matches("\\d{1,4}")) {
                numbers.add(Integer.parseInt(q.number()));
            }
            if (q.answer() == null || q.answer().text() == null || q.answer().text().isBlank()) {
                unanswered.add(q.number());
            } else {
                cited.addAll(q.answer().footnotes());
            }
            cited.addAll(q.footnotes());
        }
        List<String> gaps = new ArrayList<>();
        if (!numbers.isEmpty()) {
            for (int n = numbers.first(); n < numbers.last() && gaps.size() < MAX_LISTED; n++) {
                if (!numbers.contains(n)) {
                    gaps.add(String.valueOf(n));
                }
            }
        }
        document.footnotes().forEach(f -> cited.remove(f.number()));
        List<String> reasons = new ArrayList<>();
        if (!gaps.isEmpty()) {
            reasons.add(Quality.NUMBERING_GAP);
        }
        if (expected && !unanswered.isEmpty()) {
            reasons.add(Quality.UNANSWERED);
        }
        if (!duplicated.isEmpty()) {
            reasons.add(Quality.DUPLICATED_NUMBER);
        }
        if (!cited.isEmpty()) {
            reasons.add(Quality.UNASSIGNED_NOTE_MARKER);
        }
        if (expected && document.questions().isEmpty()) {
            reasons.add(Quality.NO_QUESTIONS);
        }
        return new Quality(gaps, unanswered.subList(0, Math.min(MAX_LISTED, unanswered.size())), expected,
                new ArrayList<>(duplicated), new ArrayList<>(cited), reasons);
    }
}
