package nl.kamerqa.parser.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often each word occurs whole (not broken at a line end) in the document: the evidence
 * {@link LineEndHyphen} prefers over guesswork ("ChristenUnie-fractie" elsewhere keeps the hyphen,
 * "toeslagenaffaire" elsewhere joins it).
 */
final class WordEvidence {

    private static final int MIN_WORD = 4;
    private static final int MAX_WORD = 80;
    private final Map<String, Integer> counts = new HashMap<>();

    static WordEvidence of(List<String> lines) {
        WordEvidence evidence = new WordEvidence();
        boolean previousBroken = false;
        for (String line : lines) {
            int n = line.length();
            int start = 0;
            while (start < n) {
                int end = line.indexOf(' ', start);
                if (end < 0) {
                    end = n;
                }
                boolean fragment = (start == 0 && previousBroken) || (end == n && line.charAt(n - 1) == '-');
                if (!fragment && end - start >= MIN_WORD) {
                    evidence.add(line.substring(start, end));
                }
                start = end + 1;
            }
            previousBroken = n > 0 && line.charAt(n - 1) == '-';
        }
        return evidence;
    }

    private void add(String token) {
        String word = word(token);
        if (!word.isEmpty() && word.length() <= MAX_WORD) {
            counts.merge(word, 1, Integer::sum);
        }
    }

    int count(String word) {
        return counts.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
    }

    /** The token lowercased, without surrounding punctuation and without a footnote number glued to its end. */
    static String word(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
            end--;
        }
        int digits = end;
        while (digits > start && Character.isDigit(token.charAt(digits - 1))) {
            digits--;
        }
        if (digits < end && digits > start && Character.isLowerCase(token.charAt(digits - 1))) {
            end = digits;
        }
        return token.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
