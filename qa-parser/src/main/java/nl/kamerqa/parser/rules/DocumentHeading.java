package nl.kamerqa.parser.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Document-heading recogniser, for every route: the heading of the whole report or of one of its parts, which is not
 * a party section and answers no question.
 * <p>
 * convention: "Vragen en opmerkingen vanuit de fracties en reactie van de bewindspersoon" (possibly numbered
 * "I", possibly wrapped after "van de"), or a part heading such as "Reactie van de bewindspersoon".
 *
 * @param title    the heading, wrapped lines joined
 * @param usedNext the heading continued on the next line
 */
public record DocumentHeading(String title, boolean usedNext) {

    private static final int MAX_LENGTH = 160;
    private static final int MAX_CONTINUATION = 40;
    private static final Pattern HEADING = Pattern.compile(
            "^(?:[IVX]{1,5}\\.? )?(?:Vragen en opmerkingen vanuit de fracties?|Vragen en antwoorden|"
                    + "Reactie van de (?:bewindspersonen|bewindspersoon|[Mm]inister|[Ss]taatssecretaris|regering))\\b[^.]*$");
    private static final Pattern DANGLING = Pattern.compile(".*\\b(?:van|de|het|en|der|voor|op|aan)$");
    private static final Pattern NUMBERING = Pattern.compile("^[IVX]{1,5}\\.? ");
    private static final Pattern PAGE_REFERENCE = Pattern.compile(" \\d{1,3}$");

    public static Optional<DocumentHeading> recognise(String line, String next) {
        if (line.length() > MAX_LENGTH || !(line.contains("Vragen en ") || line.contains("Reactie van de"))
                || !HEADING.matcher(line).matches()) {
            return Optional.empty();
        }
        boolean usedNext = DANGLING.matcher(line).matches() && next != null && !next.isEmpty()
                && next.length() <= MAX_CONTINUATION && !next.endsWith(".") && Character.isLowerCase(next.charAt(0));
        String title = usedNext ? line + " " + next : line;
        title = NUMBERING.matcher(title).replaceFirst("");
        title = PAGE_REFERENCE.matcher(title).replaceFirst("");
        return Optional.of(new DocumentHeading(title, usedNext));
    }
}
