package nl.kamerqa.parser.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognisers for the labels structured sources put before questions and answers. */
final class QuestionLabels {

    private static final String NUMBER = "\\d{1,3}[a-z]?";
    // "10 en 11", "7, 8, en 9", "2 t/m 4", "2 tot en met 4", "2-3"
    private static final String LIST = NUMBER + "(?:\\s*(?:,\\s*en|,|en|&|t/m|tot en met|-|–)\\s*" + NUMBER + ")*";
    // convention: "Vraag 1", "Vragen 2 en 3", "Vraag 10 en 11:"
    private static final Pattern QUESTION = Pattern.compile(
            "^(?:Vraag|Vragen)\\s+(" + LIST + ")\\s*[.:]?$", Pattern.CASE_INSENSITIVE);
    // convention: "Antwoord 1", "Antwoord op vraag 1", "Antwoord op vragen 7, 8, en 9", "Antwoord vraag 7 en 8",
    // a bare "Antwoord", and "Reactie" headings in schriftelijk overleg
    private static final Pattern ANSWER = Pattern.compile(
            "^(?:Antwoord(?:en)?|Reactie(?: van (?:de|het) [\\p{L} -]{1,40}?)?)(?:\\s+(?:op|bij))?"
                    + "(?:\\s+(?:de\\s+)?(?:vraag|vragen))?(?:\\s+(" + LIST + "))?\\s*[.:]?$",
            Pattern.CASE_INSENSITIVE);
    // convention: a numbered question in a Kamerstuk paragraph: "7. De leden van de D66-fractie ..."
    private static final Pattern NUMBERED_PARAGRAPH = Pattern.compile("^(\\d{1,3})[.)]\\s+(\\S.*)$", Pattern.DOTALL);
    // convention: party headings "Vragen en opmerkingen van de leden van de VVD-fractie", "Inbreng van de leden
    // van de GroenLinks-PvdA-fractie"
    private static final Pattern PARTY_HEADING = Pattern.compile(
            "^(?:Vragen en opmerkingen|Opmerkingen en vragen|Inbreng|Vragen)\\s+(?:van|vanuit)\\s+de\\s+"
                    + "(?:leden\\s+van\\s+de\\s+)?(\\S+?)-fractie\\b.{0,80}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(" + NUMBER + ")\\s*(?:t/m|tot en met|-|–)\\s*(" + NUMBER + ")");
    private static final Pattern ONE = Pattern.compile(NUMBER);
    private static final int MAX_RANGE = 50;

    private QuestionLabels() {
    }

    /** The numbers a question label names ("Vraag 10 en 11" → 10, 11); empty when the text is no such label. */
    static List<String> questionLabel(String text) {
        Matcher m = QUESTION.matcher(text.strip());
        return m.matches() ? numbers(m.group(1)) : List.of();
    }

    /** Whether the text is only numbers: "1", "2, 3", "7 en 8." */
    static boolean isNumberList(String text) {
        return text.strip().matches(LIST + "\\s*[.):]?");
    }

    /** Whether the text is an answer label; its numbers via {@link #answerNumbers}. */
    static boolean isAnswerLabel(String text) {
        return ANSWER.matcher(text.strip()).matches();
    }

    /** The numbers an answer label names ("Antwoord op vragen 7, 8, en 9"); empty for a bare "Antwoord". */
    static List<String> answerNumbers(String text) {
        Matcher m = ANSWER.matcher(text.strip());
        return m.matches() && m.group(1) != null ? numbers(m.group(1)) : List.of();
    }

    /** The numbers named in a label text such as "Vraag 10 en 11" or "2 t/m 4", in order, without duplicates. */
    static List<String> numbers(String label) {
        List<String> out = new ArrayList<>();
        String rest = label;
        Matcher range = RANGE.matcher(rest);
        StringBuilder singles = new StringBuilder();
        int last = 0;
        while (range.find()) {
            singles.append(rest, last, range.start()).append(' ');
            addSingles(singles, out);
            singles.setLength(0);
            String from = range.group(1);
            String to = range.group(2);
            if (from.matches("\\d+") && to.matches("\\d+")) {
                int a = Integer.parseInt(from);
                int b = Integer.parseInt(to);
                if (b >= a && b - a <= MAX_RANGE) {
                    for (int n = a; n <= b; n++) {
                        addOnce(out, String.valueOf(n));
                    }
                    last = range.end();
                    continue;
                }
            }
            addOnce(out, from);
            addOnce(out, to);
            last = range.end();
        }
        singles.append(rest.substring(last));
        addSingles(singles, out);
        return out;
    }

    private static void addSingles(CharSequence text, List<String> out) {
        Matcher m = ONE.matcher(text);
        while (m.find()) {
            addOnce(out, m.group());
        }
    }

    private static void addOnce(List<String> out, String n) {
        String normal = n.replaceFirst("^0+(?=\\d)", "");
        if (!out.contains(normal)) {
            out.add(normal);
        }
    }

    /** "7. De leden ..." → [7, "De leden ..."]; null when the paragraph does not start with a question number. */
    static String[] numberedParagraph(String text) {
        Matcher m = NUMBERED_PARAGRAPH.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            return null;
        }
        return new String[]{String.valueOf(Integer.parseInt(m.group(1))), m.group(2)};
    }

    /** The party a heading introduces ("...van de leden van de D66-fractie" → D66), or null. */
    static String partyHeading(String text) {
        Matcher m = PARTY_HEADING.matcher(text.strip());
        return m.matches() ? m.group(1) : null;
    }
}
