package nl.kamerqa.parser.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Question-start recogniser.
 * <p>
 * convention: a question starts a line with its number and a full stop, "12. De Minister voegt ..."; the
 * number alone may stand on its line when the text wraps. Whether the number is really a question start is
 * decided by the numbering (sequential through the document) in {@code ReportStructure}.
 */
public record QuestionStart(int number, String rest) {

    private static final Pattern START = Pattern.compile("^(\\d{1,3})\\.(?: ?([^\\d\\s.].*))?$");

    public static Optional<QuestionStart> recognise(String line) {
        if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
            return Optional.empty();
        }
        Matcher m = START.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new QuestionStart(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2)));
    }
}
