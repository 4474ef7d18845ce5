package nl.kamerqa.ingest;

/**
 * Formatting for the {@code key=value} log lines ({@code stage=... documentId=... outcome=...}), so a value with
 * spaces stays one field and a file name sent by a client cannot start a forged log line.
 */
public final class LogValues {

    private static final int MAX_LENGTH = 500;

    private LogValues() {
    }

    /** In double quotes, on one line (control characters become spaces), inner double quotes made single, cut at 500. */
    public static String quoted(String value) {
        if (value == null) {
            return "\"\"";
        }
        String line = value.replaceAll("[\\s\\p{Cntrl}]+", " ").replace('"', '\'').strip();
        return "\"" + (line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…") + "\"";
    }
}
