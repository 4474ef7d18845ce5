package nl.kamerqa.parser.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bare-number label recogniser.
 * <p>
 * convention: a list of questions (and older Kamervragen) may head each question with its number alone on a line:
 * "12" or "12."; several questions asked as one share a label: "5, 6 en 7" (a line break may cut it: "5," / "6 en
 * 7"). In the text route, whether such a line is a label or just a number standing alone (a table cell, a page
 * number) is decided by the numbering (the text route's {@code LabelledStructure}); the XML/HTML route asks only where
 * the markup says a label stands ({@code <nr>}, {@code <p class="nummer">}).
 *
 * @param numbers the numbers the label names
 * @param used    how many following lines the label went on onto
 * @param stop    the number is followed by a full stop ("12."), as a list item's is
 */
public record NumberLabel(List<Integer> numbers, int used, boolean stop) {

    private static final Pattern LABEL = Pattern.compile("^(" + NumberList.PATTERN + ")\\.?$");
    // "3,5" alone on a line is a decimal cut off by a line break, not questions 3 and 5
    private static final Pattern DECIMAL = Pattern.compile("^\\d{1,3},\\d{1,3}$");

    public static Optional<NumberLabel> recognise(String line) {
        return recognise(line, List.of());
    }

    /** The label on {@code line}, going on onto the {@code following} lines where line breaks cut it ("5," + "6 en 7"). */
    public static Optional<NumberLabel> recognise(String line, List<String> following) {
        if (line.isEmpty() || line.length() > 60 || !Character.isDigit(line.charAt(0))) {
            return Optional.empty();
        }
        NumberList.Joined joined = NumberList.goOn(line, following, 0);
        String list = joined.list();
        int used = joined.used();
        Matcher m = LABEL.matcher(list);
        if (!m.matches() || DECIMAL.matcher(list).matches()) {
            return Optional.empty();
        }
        List<Integer> numbers = NumberList.numbers(m.group(1));
        return numbers.isEmpty() ? Optional.empty() : Optional.of(new NumberLabel(numbers, used, list.endsWith(".")));
    }
}
