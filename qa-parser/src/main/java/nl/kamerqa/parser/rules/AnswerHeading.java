package nl.kamerqa.parser.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answer-heading recogniser, for every route.
 * <p>
 * convention: "Antwoord" on its own line answers the question(s) before it; "Antwoord vraag 7 en 8" answers
 * both 7 and 8; also "Antwoord op vraag 3", "Antwoord bij vraag 3", "Antwoord vragen 4, 5 en 6", "Antwoord vraag 7 t/m
 * 9", "Antwoord 2 en 3", "Antwoord op vragen 7, 8, en 9". The answer may follow a colon on the same line ("Antwoord op
 * vraag 3: Ja."). "Antwoord van Minister ..." introduces the answers of Kamervragen (the text route's
 * {@code AnswerIntro}); "Zie antwoord op vraag 2" is an answer's text, not a heading.
 * <p>
 * convention: some reports head an answer "Reactie" instead ("Reactie", "Reactie op vraag 3"); those are answer
 * headings like "Antwoord". "Reactie van de bewindspersoon" (or "... van de minister", "... van de regering") names
 * who replies, not what: in a schriftelijk overleg it heads the part with the government's reply ({@link
 * DocumentHeading}), so it is never taken for an answer heading here. The XML/HTML route used to take any
 * "Reactie van ..." for an answer to every open question; the text route read it as a part heading: the part
 * reading is right for both, as such a part answers no particular question.
 *
 * @param covers the question numbers the heading names, empty for a bare "Antwoord"
 * @param rest   answer text on the heading's own line, "" when there is none
 */
public record AnswerHeading(List<Integer> covers, String rest) {

    private static final int MAX_LENGTH = 120;
    private static final Pattern HEADING = Pattern.compile("^(?:Antwoord(?:en)?|ANTWOORD(?:EN)?|Reactie|REACTIE)"
            + "(?:(?: op| bij)?(?: (?:de )?(?:[Vv]raag|[Vv]ragen|VRAAG|VRAGEN))? (" + NumberList.LABELLED + "))? ?\\.?$");

    public static Optional<AnswerHeading> recognise(String line) {
        if (!(line.startsWith("Antwoord") || line.startsWith("ANTWOORD") || line.startsWith("Reactie")
                || line.startsWith("REACTIE"))) {
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
