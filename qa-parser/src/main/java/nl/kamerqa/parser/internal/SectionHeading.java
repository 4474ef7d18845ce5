package nl.kamerqa.parser.internal;

import java.util.regex.Pattern;

/**
 * Numbered section heading recogniser.
 * <p>
 * convention: a nota or a list divides its questions under numbered headings: "1. Inleiding", "2.3 Financiële
 * gevolgen", "§ 4 Uitvoering" — short, no sentence end. A heading ends the answer before it; "1. Eerst is er
 * geluisterd" inside an answer starts a list, not a section ({@link LabelledStructure} tells them apart).
 *
 * @param number the heading's (first) number
 * @param nested it has a sub-number ("2.3"), which a list item never has
 */
record SectionHeading(int number, boolean nested) {

    private static final int MAX_LENGTH = 90;
    private static final Pattern HEADING = Pattern.compile(
            "^(?:§ ?)?(\\d{1,2})((?:\\.\\d{1,2}){0,3})\\.? \\p{Lu}[^.?!;:]{1,80}$");

    static java.util.Optional<SectionHeading> recognise(String line) {
        if (line.length() > MAX_LENGTH || line.isEmpty() || !(Character.isDigit(line.charAt(0)) || line.charAt(0) == '§')) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SectionHeading(Integer.parseInt(m.group(1)), !m.group(2).isEmpty()));
    }
}
