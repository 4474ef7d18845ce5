package nl.kamerqa.parser.internal;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recogniser of the line that introduces the answers of Kamervragen, or a mededeling instead of them.
 * <p>
 * convention: "Antwoord van Minister Schippers (Volksgezondheid, Welzijn en Sport) (ontvangen 26 november 2014).",
 * possibly followed by "Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, nr. 403"; with several
 * bewindspersonen "Antwoord van Staatssecretaris Van Rij (...), mede namens de Minister voor ... (ontvangen 21 mei
 * 2024)."; when the questions are not answered here "Mededeling van Minister De Jonge (...) (ontvangen 7 juni 2024)."
 * The introduction runs until the first question or answer label, a blank line or a mededeling heading.
 *
 * @param mededeling a "Mededeling van ..." rather than an "Antwoord van ..."
 * @param by         who answers ("Minister Schippers (Volksgezondheid, Welzijn en Sport)")
 * @param ontvangen  ISO date of "(ontvangen ...)", null when not printed
 * @param lastLine   index of the introduction's last line
 */
record AnswerIntro(boolean mededeling, String by, String ontvangen, int lastLine) {

    private static final int MAX_LINES = 8;
    private static final Pattern START = Pattern.compile(
            "^(Antwoord|Mededeling) (?:van|namens) (?!de leden |het lid |de vragen|vraag )(\\S.*)$");
    private static final Pattern ONTVANGEN = Pattern.compile("\\(ontvangen(?: \\(ontvangen)? ([^()]{4,40})\\)");

    static boolean starts(String line) {
        return (line.startsWith("Antwoord ") || line.startsWith("Mededeling ")) && START.matcher(line).matches()
                && !KamervragenHeading.starts(line);
    }

    /** The introduction starting at {@code start}, or null; {@code stop} tells the lines that end it. */
    static AnswerIntro read(List<SourceLine> lines, boolean[] skip, int start, IntPredicate stop) {
        String first = lines.get(start).text();
        if (!starts(first)) {
            return null;
        }
        StringBuilder text = new StringBuilder(first);
        int last = start;
        for (int i = start + 1; i < lines.size() && i - start < MAX_LINES; i++) {
            if (skip[i]) {
                continue;
            }
            if (lines.get(i).isBlank() || stop.test(i)) {
                break;
            }
            if (text.indexOf("(ontvangen") >= 0 && text.toString().endsWith(".")
                    && !lines.get(i).text().startsWith("Zie ook")) {
                break;
            }
            text.append(' ').append(lines.get(i).text());
            last = i;
        }
        String all = text.toString();
        Matcher m = START.matcher(all);
        m.matches();
        String rest = m.group(2);
        int cut = rest.indexOf("(ontvangen");
        String by = (cut >= 0 ? rest.substring(0, cut) : rest).strip();
        while (by.endsWith(".") || by.endsWith(",")) {
            by = by.substring(0, by.length() - 1).strip();
        }
        Matcher date = ONTVANGEN.matcher(all);
        String ontvangen = date.find() ? DutchDate.firstIso(date.group(1)) : null;
        return new AnswerIntro(m.group(1).equals("Mededeling"), by.isEmpty() ? null : by, ontvangen, last);
    }
}
