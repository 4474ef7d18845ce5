package nl.kamerqa.parser.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footnote-body recogniser.
 * <p>
 * convention: footnote bodies stand at the bottom of a page, after a blank line, each starting with its number
 * and a space ("1 SCP, Burgerperspectieven 2022–2"); a long body wraps onto the next line, sometimes after a
 * blank line. A question start has a full stop after its number ("12. De ...") and is no footnote.
 */
final class FootnoteBody {

    private static final Pattern START = Pattern.compile("^(\\d{1,3}) (\\S.*)$");
    private static final Pattern SEPARATOR = Pattern.compile("^[_\\-–—*.]{3,}$");

    private FootnoteBody() {
    }

    /** The number a line starts with as a footnote body would, else -1. */
    static int number(String line) {
        if (line.length() < 3 || !Character.isDigit(line.charAt(0))) {
            return -1;
        }
        Matcher m = START.matcher(line);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String text(String line) {
        return line.substring(line.indexOf(' ') + 1);
    }

    /** The first line of footnote {@code number} without the number printed before it ("3 Zie", "[3] Zie"). */
    static String withoutNumber(String line, int number) {
        String digits = String.valueOf(number);
        boolean bare = line.startsWith(digits)
                && (line.length() == digits.length() || !Character.isDigit(line.charAt(digits.length())));
        String label = line.startsWith("[" + digits + "]") ? "[" + digits + "]" : bare ? digits : "";
        return line.substring(label.length()).stripLeading();
    }

    /** A rule the extractor printed above the footnotes ("______"). */
    static boolean isSeparator(String line) {
        return line.length() <= 80 && SEPARATOR.matcher(line).matches();
    }

    /**
     * The footnote's last line was cut by the page width and goes on in the next line: it ends in a hyphen, or
     * it is as wide as a full text line and ends mid-phrase ("... Groepsinterviews voor het").
     */
    static boolean isWrapped(String lastLine, int fullWidth) {
        if (lastLine.isEmpty()) {
            return false;
        }
        char end = lastLine.charAt(lastLine.length() - 1);
        if (end == '\u00AD' || (end == '-' && lastLine.length() > 1 && lastLine.charAt(lastLine.length() - 2) != ' ')) {
            return true;
        }
        return lastLine.length() >= fullWidth && (Character.isLowerCase(end) || ",;:(«“‘/".indexOf(end) >= 0);
    }

    /** Nine in ten text lines are at most this wide; a footnote line that wide was cut by the page width. */
    static int fullWidth(List<SourceLine> lines, boolean[] footer) {
        int[] lengths = new int[lines.size()];
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!footer[i] && !lines.get(i).isBlank()) {
                lengths[count++] = lines.get(i).text().length();
            }
        }
        if (count == 0) {
            return Integer.MAX_VALUE;
        }
        Arrays.sort(lengths, 0, count);
        return Math.max(20, (int) (lengths[(int) (count * 0.9)] * 0.9));
    }
}
