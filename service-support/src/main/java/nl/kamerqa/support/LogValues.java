package nl.kamerqa.support;

import java.util.regex.Pattern;

/**
 * Formatting for the {@code key=value} log lines ({@code stage=... documentId=... outcome=...}) of every service, so
 * a value with spaces stays one field and a value that came from outside (a file name, a parser error quoting the
 * document, a record key) cannot start a forged log line.
 */
public final class LogValues {

    private static final int MAX_LENGTH = 500;
    private static final int MAX_TOKEN_LENGTH = 200;
    private static final Pattern LINE_BREAKING = Pattern.compile("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+");

    private LogValues() {
    }

    /**
     * In double quotes, on one line, inner double quotes made single, cut at 500. Every control character (C0, DEL and
     * C1, which holds NEL) and the Unicode line and paragraph separators become a space: some log viewers break lines
     * at those too.
     */
    public static String quoted(String value) {
        if (value == null) {
            return "\"\"";
        }
        String line = LINE_BREAKING.matcher(value).replaceAll(" ").replace('"', '\'').strip();
        return "\"" + (line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…") + "\"";
    }

    /**
     * An identifier from outside (a Kafka record key, a documentId) as one unquoted field: unchanged when it is an
     * ordinary id, whitespace and control characters made {@code _}, {@code -} when missing, cut at 200.
     */
    public static String token(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        String token = LINE_BREAKING.matcher(value).replaceAll("_");
        return token.length() <= MAX_TOKEN_LENGTH ? token : token.substring(0, MAX_TOKEN_LENGTH - 1) + "…";
    }

    /** Whether the value holds whitespace or a character that can break a log line ({@link #token} changes those). */
    public static boolean breaksLines(String value) {
        return value != null && LINE_BREAKING.matcher(value).find();
    }
}
