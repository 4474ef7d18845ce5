package nl.kamerqa.parser.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists of question numbers as labels print them.
 * <p>
 * convention: "7", "7 en 8", "3, 4, 5 en 6", "7, 8, en 9" (a comma before "en" happens), "7 & 8", "7 t/m 9",
 * "7 tot en met 9", "7-9"; a range covers every number in it. After a word ("Vraag 4, 5 6 en 7") a list may also
 * have lost a comma: a space alone then parts two numbers ({@link #LABELLED}); a bare list never, since "3 4" alone
 * on a line is no label. A label in capitals has its list in capitals too: "VRAGEN 5 EN 6", "VRAGEN 12 T/M 14".
 */
public final class NumberList {

    /** A list as a regex fragment, for recognisers that embed it. */
    static final String PATTERN = "\\d{1,3}(?:(?: ?, ?(?:en |EN )?| en | EN | & | t/m | T/M | tot en met | TOT EN MET "
            + "| ?[-–] ?)\\d{1,3}){0,30}";
    /** A list after a label word: also a missing comma ("4, 5 6 en 7"). */
    public static final String LABELLED = "\\d{1,3}(?:(?: ?, ?(?:en |EN )?| en | EN | & | t/m | T/M | tot en met "
            + "| TOT EN MET | ?[-–] ?| )\\d{1,3}){0,30}";
    private static final Pattern WHOLE = Pattern.compile("^" + PATTERN + "$");
    private static final Pattern WHOLE_LABELLED = Pattern.compile("^" + LABELLED + "$");
    private static final Pattern NUMBER_OR_RANGE =
            Pattern.compile("(\\d{1,3})(?:(?: t/m | tot en met | ?[-–] ?)(\\d{1,3}))?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_RANGE = 200;

    private NumberList() {
    }

    private static final Pattern DANGLING = Pattern.compile("^" + PATTERN + "(?:,| en| t/m| tot en met)$");
    private static final Pattern GOES_ON = Pattern.compile("^(?:, ?(?:en )?|en |t/m |tot en met )" + PATTERN
            + "(?:,| en| t/m| tot en met|[.:])?$");
    private static final Pattern REST = Pattern.compile("^" + PATTERN + "(?:,| en| t/m| tot en met|[.:])?$");

    /**
     * A list cut by a line break, put back together: "5," + "6 en 7", "5, 6" + "en 7", "5, 6 en" + "7", also
     * "5," + "6 en" or "2" + "en" (then still dangling, to go on with the line after); null when {@code next} does not
     * continue {@code head}.
     */
    static String continued(String head, String next) {
        if (next == null || next.isEmpty() || head.length() > 200 || next.length() > 200) {
            return null;
        }
        String joined;
        if (DANGLING.matcher(head).matches() && REST.matcher(next).matches()) {
            joined = head + " " + next;
        } else if (matches(head) && (next.equals("en") || next.equals("t/m") || next.equals("tot en met"))) {
            joined = head + " " + next; // "2" + "en" + "3": still dangling, the line after goes on
        } else if (matches(head) && GOES_ON.matcher(next).matches()) {
            joined = next.startsWith(",") ? head + next : head + " " + next;
        } else {
            return null;
        }
        return joined.endsWith(".") || joined.endsWith(":") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** A list put back together from the lines a line break cut it over; {@code used}: lines taken from those. */
    record Joined(String list, int used) {
    }

    /** {@code list} going on onto {@code following} from index {@code from}, as far as {@link #continued} joins. */
    static Joined goOn(String list, List<String> following, int from) {
        int used = from;
        while (used < following.size()) {
            String joined = continued(list, following.get(used));
            if (joined == null) {
                break;
            }
            list = joined;
            used++;
        }
        return new Joined(list, used);
    }

    /** Whether the text is a list, or the start of one cut by a line break ("2 en", "3,"). */
    static boolean startsList(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0)) && text.length() <= 200
                && REST.matcher(text).matches();
    }

    /** Whether the whole text is such a list. */
    static boolean matches(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0)) && text.length() <= 200
                && WHOLE.matcher(text).matches();
    }

    /** Whether the whole text is a list as it may follow a label word ({@link #LABELLED}). */
    static boolean matchesLabelled(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0)) && text.length() <= 200
                && WHOLE_LABELLED.matcher(text).matches();
    }

    /** The numbers a list names, in order, each once; ranges expanded; numbers 0 left out. */
    static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        if (list == null) {
            return numbers;
        }
        Matcher m = NUMBER_OR_RANGE.matcher(list);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from || to - from > MAX_RANGE) {
                to = from;
            }
            for (int k = Math.max(from, 1); k <= to; k++) {
                if (!numbers.contains(k)) {
                    numbers.add(k);
                }
            }
        }
        return numbers;
    }
}
