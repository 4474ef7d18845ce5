package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.rules.NumberList;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flattened-text recogniser: a document some export wrote as one line.
 * <p>
 * convention: exports that flatten a letter replace every line break by a run of spaces ("?      Antwoord 1   Ja.");
 * page markers ("2/4", "Pagina 2 van 4") and letterhead fields run into the text. Copies that lost even that keep
 * the labels where sentences end: "… vervalt? Antwoord 1 Nee, …". A line is flattened when it holds at least two
 * labels inside it after a sentence end, or is long and broken by many runs of three or more spaces. Such a line is
 * cut back into lines: at every run of two or more spaces, and before and after every label standing after a
 * sentence end; page markers between those lines are dropped. Other lines are left as they are, so a
 * {@code pdftotext -layout} line (short, with column gaps) or a pandoc paragraph (long, single spaces) stays whole.
 */
final class FlattenedText {

    private static final int LONG = 300;
    private static final int MIN_GAPS = 3;
    private static final String LABEL = "(?:Vraag|Vragen|Antwoord(?:en)?(?: op(?: de)?)?(?: vra(?:ag|gen))?) "
            + NumberList.LABELLED;
    // a label after a sentence end (or at the line start), followed by the text it heads
    private static final Pattern INLINE_LABEL = Pattern.compile(
            "(?:(?<=[.?!:»”)])|^) *(" + LABEL + ")[.:]?(?= +[A-Z«“\"'(0-9]|$)");
    private static final Pattern GAP = Pattern.compile(" {3,}");
    private static final Pattern PAGE_MARKER = Pattern.compile("^(?:\\d{1,3} ?/ ?\\d{1,3}|[Pp]agina \\d{1,3} van \\d{1,3})$");

    private FlattenedText() {
    }

    /** The text with its flattened lines cut back into lines; the input itself when none is flattened. */
    static String unflatten(String input) {
        if (input.length() < 80) {
            return input;
        }
        String[] lines = input.split("\n", -1);
        boolean changed = false;
        StringBuilder out = new StringBuilder(input.length() + 256);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isFlattened(line)) {
                out.append(cut(line));
                changed = true;
            } else {
                out.append(line);
            }
            if (i + 1 < lines.length) {
                out.append('\n');
            }
        }
        return changed ? out.toString() : input;
    }

    static boolean isFlattened(String line) {
        if (line.length() < 60) {
            return false;
        }
        // cheap tests first: nearly every line of a real document fails them, and this runs on every line
        if (line.length() >= LONG && line.contains("   ") && count(GAP.matcher(line)) >= MIN_GAPS) {
            return true;
        }
        if (labelWords(line) < 2) {
            return false;
        }
        Matcher m = INLINE_LABEL.matcher(line);
        int inside = 0;
        while (m.find() && inside < 2) {
            inside += m.start(1) > 0 ? 1 : 0;
        }
        return inside >= 2;
    }

    private static String cut(String line) {
        StringBuilder out = new StringBuilder();
        for (String piece : line.strip().split("[ \\u00A0\\t]{2,}")) {
            Matcher m = INLINE_LABEL.matcher(piece);
            StringBuilder cutPiece = new StringBuilder();
            int from = 0;
            while (m.find()) {
                String before = piece.substring(from, m.start()).strip();
                if (!before.isEmpty()) {
                    cutPiece.append(before).append('\n');
                }
                cutPiece.append(m.group(1)).append('\n');
                from = m.end();
            }
            String rest = piece.substring(from).strip();
            if (!rest.isEmpty()) {
                cutPiece.append(rest).append('\n');
            }
            for (String l : cutPiece.toString().split("\n")) {
                if (!l.isEmpty() && !PAGE_MARKER.matcher(l).matches()) {
                    // every cut is a paragraph break: the export no longer tells line from paragraph ends
                    out.append(l).append("\n\n");
                }
            }
        }
        return out.toString().stripTrailing();
    }

    /** How often "Vra" or "Antwoord" occurs: an upper bound of the labels in the line. */
    private static int labelWords(String line) {
        int n = 0;
        for (int at = line.indexOf("Vra"); at >= 0 && n < 2; at = line.indexOf("Vra", at + 3)) {
            n++;
        }
        for (int at = line.indexOf("Antwoord"); at >= 0 && n < 2; at = line.indexOf("Antwoord", at + 8)) {
            n++;
        }
        return n;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
