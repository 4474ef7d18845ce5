package nl.kamerqa.parser.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Question-label recogniser, for every route.
 * <p>
 * convention: Kamervragen, answer letters and lists of questions head each question "Vraag 1"; one heading may
 * hold several questions: "Vraag 2 en 3", "Vragen 2 en 3", "Vraag 3, 4, 5 en 6" (the later ones start a new
 * paragraph without a label of their own). The text may follow a colon ("Vraag 1: Kent u ...?"). A label cut in two
 * by a line break ("Vraag" / "1", "Vraag 10" / "en 11") is still one label. A label may have lost a comma ("Vraag 4, 5
 * 6 en 7", {@link NumberList#LABELLED}): the XML/HTML route used to refuse that label and number the question by its
 * place, the text route read 4 to 7; reading every number named is right for both.
 *
 * @param numbers  the question numbers the label names
 * @param rest     question text on the label's own line, "" when there is none
 * @param used     how many of the following lines the label went on onto (0 when it stands on one line)
 */
public record QuestionLabel(List<Integer> numbers, String rest, int used) {

    private static final int MAX_LENGTH = 120;
    private static final Pattern LABEL = Pattern.compile(
            "^(?:Vraag|Vragen|VRAAG|VRAGEN)(?: (?:nr\\.|nummer) ?| )(" + NumberList.LABELLED + ")(?: ?[.:]| ?[.:] (\\S.*))?$");
    private static final Pattern DANGLING = Pattern.compile(
            "^(?:Vraag|Vragen|VRAAG|VRAGEN) (" + NumberList.PATTERN + "(?:,| en| t/m| tot en met))$");

    public static Optional<QuestionLabel> recognise(String line, String next) {
        return recognise(line, next == null ? List.of() : List.of(next));
    }

    /** The label on {@code line}, going on onto the {@code following} lines where line breaks cut it. */
    public static Optional<QuestionLabel> recognise(String line, List<String> following) {
        if (line.length() < 5 || line.charAt(0) != 'V' || line.length() > 600) {
            return Optional.empty();
        }
        String list;
        int used;
        if (line.equals("Vraag") || line.equals("Vragen") || line.equals("VRAAG") || line.equals("VRAGEN")) {
            if (following.isEmpty() || !NumberList.startsList(following.get(0))) {
                return Optional.empty();
            }
            list = stripStop(following.get(0));
            used = 1;
        } else {
            Matcher dangling = DANGLING.matcher(line);
            if (dangling.matches()) {
                list = dangling.group(1);
                used = 0;
            } else {
                Matcher m = LABEL.matcher(line.length() > MAX_LENGTH && line.indexOf(':') < 0 ? "" : line);
                if (!m.matches()) {
                    return Optional.empty();
                }
                String rest = m.group(2) == null ? "" : m.group(2);
                if (!rest.isEmpty() || line.endsWith(".") || line.endsWith(":")) {
                    return Optional.of(new QuestionLabel(NumberList.numbers(m.group(1)), rest, 0));
                }
                list = m.group(1);
                used = 0;
            }
        }
        // "Vraag 3," / "4 en" / "5": a list cut by line breaks goes on as long as the next line continues it
        NumberList.Joined joined = NumberList.goOn(list, following, used);
        if (!NumberList.matchesLabelled(joined.list())) {
            return Optional.empty();
        }
        return Optional.of(new QuestionLabel(NumberList.numbers(joined.list()), "", joined.used()));
    }

    private static String stripStop(String text) {
        return text.endsWith(".") || text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
    }
}
