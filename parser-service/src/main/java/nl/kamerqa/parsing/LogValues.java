package nl.kamerqa.parsing;

/** Formatting for the {@code key=value} log lines, so that a value with spaces stays one field. */
public final class LogValues {

    private static final int MAX_LENGTH = 500;

    private LogValues() {
    }

    /** In double quotes, on one line, inner double quotes made single, cut at 500 characters. */
    public static String quoted(String value) {
        if (value == null) {
            return "\"\"";
        }
        String line = value.replaceAll("\\s+", " ").replace('"', '\'').strip();
        return "\"" + (line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…") + "\"";
    }
}
