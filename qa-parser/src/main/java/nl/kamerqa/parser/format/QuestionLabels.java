package nl.kamerqa.parser.format;

import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.NumberLabel;
import nl.kamerqa.parser.rules.QuestionLabel;

import java.util.List;
import java.util.Optional;

/**
 * The label elements of structured sources: an XML {@code <nr>} of a vraag or antwoord, an HTML heading or
 * {@code .nummer} in one. What is XML-specific is only that the markup says a label stands there, so any label form
 * counts in any block; the forms themselves are the recognisers every route shares ({@link nl.kamerqa.parser.rules}).
 */
final class QuestionLabels {

    /** A label as the record writes it: the numbers it names ("7", "8"), the text after it on its line. */
    record Label(List<String> numbers, String rest) {
    }

    private QuestionLabels() {
    }

    /** "Vraag 7 en 8", "Vraag 3: Kent u ...?" as a label; empty for any other text. */
    static Optional<Label> questionLabel(String text) {
        return QuestionLabel.recognise(text, List.of()).map(l -> new Label(strings(l.numbers()), l.rest()));
    }

    /** "Antwoord", "Antwoord op vragen 2 en 3: Ja." as an answer heading; empty for any other text. */
    static Optional<Label> answerHeading(String text) {
        return AnswerHeading.recognise(text).map(h -> new Label(strings(h.covers()), h.rest()));
    }

    /**
     * The numbers a label element names: "Vraag 10 en 11", "Antwoord op vragen 2 en 3", a bare "10"; empty when the
     * text is no label, or one naming no number ("Antwoord"), or a label with text after it ("Vraag 1: Kent u ...").
     */
    static List<String> numbers(String label) {
        String text = label.strip();
        return named(text).or(() -> answerHeading(text).filter(h -> h.rest().isEmpty()))
                .map(Label::numbers).orElse(List.of());
    }

    /**
     * convention: a vraag is headed "Vraag 1" or "1"; an antwoord "Antwoord 1", "Antwoord", or (older pages) "Vraag 2,
     * 3" or {@code <p class="nummer">1</p>} naming the questions it answers.
     */
    static boolean isLabel(String text, boolean answer) {
        String label = text.strip();
        return named(label).isPresent() || answer && answerHeading(label).filter(h -> h.rest().isEmpty()).isPresent();
    }

    /** A question label standing alone, or a bare number list. */
    private static Optional<Label> named(String label) {
        return questionLabel(label).filter(l -> l.rest().isEmpty())
                .or(() -> NumberLabel.recognise(label).map(n -> new Label(strings(n.numbers()), "")));
    }

    private static List<String> strings(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).toList();
    }
}
