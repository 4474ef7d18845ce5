package nl.kamerqa.parser.corpus;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.contracts.ParsedDocument.Question;
import tools.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The checks of {@code shared/tools/qa_score.py} in Java, so the build asserts what the scorer prints: every gold
 * question found and no other, party, text (exact after folding whitespace and taking out markers) or its first
 * words, answer text or first words, no answer where the gold says so, covers, pages, footnotes (by count, or by
 * number and text), and no page footer inside a text. Footnote texts must be equal where the scorer accepts 98 %
 * similarity: stricter, never looser.
 */
public final class QaScore {

    private static final Pattern MARKER = Pattern.compile("\\[\\^?\\d{1,3}\\]|⁽\\d+⁾|[¹²³⁴⁵⁶⁷⁸⁹⁰]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern FOOTER = Pattern.compile(
            "(Tweede|Eerste) Kamer, vergaderjaar \\d{4}[–-]\\d{4}, [^,]+, nr\\. \\d+ \\d+");

    /** How many checks were made and which failed (each named as the scorer names it). */
    public record Result(int checks, List<String> failures) {
        public double score() {
            return 100.0 * (checks - failures.size()) / Math.max(1, checks);
        }
    }

    private QaScore() {
    }

    public static Result score(JsonNode gold, ParsedDocument parsed) {
        List<String> failures = new ArrayList<>();
        int[] checks = {0};
        Map<String, JsonNode> goldQuestions = new LinkedHashMap<>();
        gold.get("questions").forEach(q -> goldQuestions.put(q.get("number").asString(), q));
        Map<String, Question> parsedQuestions = new LinkedHashMap<>();
        parsed.questions().forEach(q -> parsedQuestions.putIfAbsent(q.number(), q));
        for (String n : goldQuestions.keySet()) {
            check(checks, failures, "question " + n, parsedQuestions.containsKey(n));
        }
        for (String n : parsedQuestions.keySet()) {
            if (!goldQuestions.containsKey(n)) {
                check(checks, failures, "extra question " + n, false);
            }
        }
        for (Map.Entry<String, JsonNode> e : goldQuestions.entrySet()) {
            String n = e.getKey();
            JsonNode g = e.getValue();
            Question p = parsedQuestions.get(n);
            if (p == null) {
                continue;
            }
            ParsedDocument.Answer answer = p.answer();
            String answerText = answer == null ? null : answer.text();
            if (g.has("party")) {
                String party = p.party() == null || p.party().isEmpty() ? null : p.party();
                check(checks, failures, "party " + n, Objects.equals(party, text(g, "party")));
            }
            if (g.has("text")) {
                check(checks, failures, "question text " + n, norm(g.get("text").asString()).equals(norm(p.text())));
            } else if (truthy(g, "question_starts")) {
                String starts = g.get("question_starts").asString();
                check(checks, failures, "question start " + n, words(p.text(), wordCount(starts)).equals(norm(starts)));
            }
            if (g.has("answer_text")) {
                check(checks, failures, "answer text " + n, norm(g.get("answer_text").asString()).equals(norm(answerText)));
            } else if (g.has("answer_starts")) {
                if (g.get("answer_starts").isNull()) {
                    check(checks, failures, "no answer " + n, answerText == null || answerText.isEmpty());
                } else {
                    String starts = g.get("answer_starts").asString();
                    check(checks, failures, "answer start " + n, words(answerText, wordCount(starts)).equals(norm(starts)));
                }
            }
            if (truthy(g, "answered_with")) {
                List<String> expected = new ArrayList<>();
                g.get("answered_with").forEach(c -> expected.add(c.asString()));
                List<String> actual = answer == null ? new ArrayList<>() : new ArrayList<>(answer.covers());
                expected.sort(String::compareTo);
                actual.sort(String::compareTo);
                check(checks, failures, "covers " + n, expected.equals(actual));
            }
            if (g.has("page") && !g.get("page").isNull()) {
                check(checks, failures, "page " + n, Objects.equals(p.page(), g.get("page").asInt()));
            }
            if (g.has("answer_page") && !g.get("answer_page").isNull()) {
                check(checks, failures, "answer page " + n,
                        answer != null && Objects.equals(answer.page(), g.get("answer_page").asInt()));
            }
        }
        JsonNode goldFootnotes = gold.get("footnotes");
        if (goldFootnotes != null && goldFootnotes.isArray()) {
            Map<Integer, Footnote> byNumber = new HashMap<>();
            parsed.footnotes().forEach(f -> byNumber.put(f.number(), f));
            List<Integer> goldNumbers = new ArrayList<>();
            for (JsonNode f : goldFootnotes) {
                int number = f.get("number").asInt();
                goldNumbers.add(number);
                Footnote p = byNumber.get(number);
                boolean good = p != null && (!f.has("text") || norm(f.get("text").asString()).equals(norm(p.text())));
                check(checks, failures, "footnote " + number, good);
            }
            byNumber.keySet().stream().filter(k -> !goldNumbers.contains(k)).sorted()
                    .forEach(k -> check(checks, failures, "extra footnote " + k, false));
        } else if (goldFootnotes != null && goldFootnotes.isNumber()) {
            check(checks, failures, "footnote count", parsed.footnotes().size() == goldFootnotes.asInt());
        }
        StringBuilder body = new StringBuilder();
        for (Question q : parsed.questions()) {
            body.append(norm(q.text())).append(' ').append(norm(q.answer() == null ? null : q.answer().text())).append(' ');
        }
        check(checks, failures, "no page footers in texts", !FOOTER.matcher(body).find());
        return new Result(checks[0], failures);
    }

    private static void check(int[] checks, List<String> failures, String name, boolean ok) {
        checks[0]++;
        if (!ok) {
            failures.add(name);
        }
    }

    /** As the scorer compares: NFC, markers out, whitespace folded. */
    static String norm(String text) {
        String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        t = MARKER.matcher(t).replaceAll("");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    private static String words(String text, int n) {
        String[] all = norm(text).split(" ");
        return String.join(" ", Arrays.asList(all).subList(0, Math.min(n, all.length)));
    }

    private static int wordCount(String text) {
        return text.strip().isEmpty() ? 0 : text.strip().split("\\s+").length;
    }

    private static boolean truthy(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull() && !(v.isArray() && v.isEmpty()) && !(v.isString() && v.asString().isEmpty());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
