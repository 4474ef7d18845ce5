package nl.kamerqa.parser.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answer-heading recogniser.
 * <p>
 * convention: "Antwoord" on its own line answers the question(s) before it; "Antwoord vraag 7 en 8" answers
 * both 7 and 8; also "Antwoord op vraag 3", "Antwoord vragen 4, 5 en 6", "Antwoord vraag 7 t/m 9", "Antwoord 2 en 3",
 * "Antwoord op vragen 7, 8, en 9". The answer may follow a colon on the same line ("Antwoord op vraag 3: Ja.").
 * "Antwoord van Minister ..." introduces the answers of Kamervragen ({@code AnswerIntro}); "Zie antwoord op vraag 2"
 * is an answer's text, not a heading.
 *
 * @param covers the question numbers the heading names, empty for a bare "Antwoord"
 * @param rest   answer text on the heading's own line, "" when there is none
 */
public record AnswerHeading(List<Integer> covers, String rest) {

    private static final int MAX_LENGTH = 120;
    private static final Pattern HEADING = Pattern.compile(
            "^Antwoord(?:en)?(?:(?: op)?(?: (?:de )?(?:[Vv]raag|[Vv]ragen))? (" + NumberList.LABELLED + "))? ?\\.?$");

    public static Optional<AnswerHeading> recognise(String line) {
        if (!line.startsWith("Antwoord")) {
            return Optional.empty();
        }
        String head = line;
        String rest = "";
        int colon = line.indexOf(':');
        if (colon > 0 && colon < MAX_LENGTH) {
            head = line.substring(0, colon).strip();
            rest = line.substring(colon + 1).strip();
        } else if (line.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = HEADING.matcher(head);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AnswerHeading(NumberList.numbers(m.group(1)), rest));
    }
}
