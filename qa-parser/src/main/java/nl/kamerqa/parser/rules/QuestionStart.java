package nl.kamerqa.parser.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Question-start (numbered paragraph) recogniser, for every route.
 * <p>
 * convention: a question starts a line with its number and a full stop, "12. De Minister voegt ..." or "7. De leden
 * van de D66-fractie ..."; the number alone may stand on its line when the text wraps. Whether the number is really a
 * question start is decided by the route that reads the report (the text route's {@code ReportStructure} wants the
 * numbering sequential through the document). "7) ..." is a list item, not a question (the XML/HTML route used to
 * take it for one; reports number their questions "7." and a list inside an answer uses "7)"), and "3. 5 miljoen"
 * or "0." starts none.
 */
public record QuestionStart(int number, String rest) {

    private static final Pattern START = Pattern.compile("^(\\d{1,3})\\.(?: ?([^\\d\\s.].*))?$");

    public static Optional<QuestionStart> recognise(String line) {
        if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
            return Optional.empty();
        }
        Matcher m = START.matcher(line);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            return Optional.empty(); // "0." numbers nothing
        }
        return Optional.of(new QuestionStart(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2)));
    }
}
