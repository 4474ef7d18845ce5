package nl.kamerqa.parser.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as Dutch publications print them: "3 oktober 2014", "1 mei 2024" (also "1e", "3 okt. 2014"). */
final class DutchDate {

    private static final List<String> MONTHS = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
            "augustus", "september", "oktober", "november", "december");
    private static final Pattern DATE = Pattern.compile(
            "\\b(\\d{1,2})(?:e|ste)? ([a-zA-Z]{3,9})\\.? (\\d{4})\\b");

    private DutchDate() {
    }

    /** The first date in {@code text} as an ISO date ("2014-10-03"), null when there is none. */
    static String firstIso(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            int month = month(m.group(2));
            if (month > 0) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))).toString();
                } catch (DateTimeException e) {
                    // "31 februari": not a date, look further
                }
            }
        }
        return null;
    }

    private static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.size(); i++) {
            String name = MONTHS.get(i);
            if (name.equals(w) || (w.length() >= 3 && name.startsWith(w) && w.length() < name.length())) {
                return i + 1;
            }
        }
        return 0;
    }
}
