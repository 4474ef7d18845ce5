package nl.kamerqa.parser.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colophon recogniser: the publisher's imprint in the margin of a publication's first page.
 * <p>
 * convention: the first page of an Aanhangsel or a Kamerstuk prints, apart from the text, its identifier, the
 * ISSN and the place and year: "ah-tk-20142015-698", "ISSN 0921 - 7398", "’s-Gravenhage 2014" (each on its own
 * line, or run together on one line, or — {@code pdftotext -layout} — in front of the page footer on the same line).
 * None of it is text; the identifier is the document's official id.
 *
 * @param documentId the identifier the colophon prints, null when this line holds another part of it
 * @param rest       what follows the colophon on the same line ("" when nothing does)
 */
record Colophon(String documentId, String rest) {

    private static final int MAX_LENGTH = 220;
    // "ah-tk-20142015-698", "kst-36200-VII-147", "kv-tk-2024Z05678", "stcrt-2024-1234"
    private static final Pattern IDENTIFIER = Pattern.compile("^((?:ah|kst|kv|h|stb|stcrt|blg)-[A-Za-z0-9]+(?:-[A-Za-z0-9]+){1,5})(?: |$)");
    private static final Pattern ISSN = Pattern.compile("^ISSN \\d{4} ?[-–] ?\\d{3}[\\dXx](?: |$)");
    private static final Pattern PLACE = Pattern.compile("^['’‘`]s-Gravenhage \\d{4}(?: |$)");

    /** "ah-", "kst-": a few lowercase letters, then a dash. */
    private static boolean hasPrefixDash(String line) {
        for (int i = 1; i < Math.min(line.length(), 7); i++) {
            char c = line.charAt(i);
            if (c == '-') {
                return true;
            }
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return false;
    }

    static Optional<Colophon> recognise(String line) {
        if (line.isEmpty() || line.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        char first = line.charAt(0);
        boolean identifier = first >= 'a' && first <= 'z' && hasPrefixDash(line);
        if (!identifier && !line.startsWith("ISSN ") && !line.startsWith("s-Gravenhage ", 1)) {
            return Optional.empty(); // most lines: no colophon, decided without a regex
        }
        String id = null;
        String rest = line;
        boolean any = false;
        while (!rest.isEmpty()) {
            Matcher m = IDENTIFIER.matcher(rest);
            if (m.find()) {
                id = id == null ? m.group(1) : id;
            } else {
                m = ISSN.matcher(rest);
                if (!m.find()) {
                    m = PLACE.matcher(rest);
                    if (!m.find()) {
                        break;
                    }
                }
            }
            any = true;
            rest = rest.substring(m.end()).strip();
        }
        if (!any || (!rest.isEmpty() && PageFooter.recognise(rest).isEmpty())) {
            // an identifier followed by ordinary words is text that happens to start with one
            return Optional.empty();
        }
        return Optional.of(new Colophon(id, rest));
    }
}
