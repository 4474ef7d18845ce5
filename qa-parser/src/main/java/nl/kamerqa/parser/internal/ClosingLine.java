package nl.kamerqa.parser.internal;

import java.util.regex.Pattern;

/**
 * Closing recogniser: a signature ends the text before it.
 * <p>
 * convention: a report or letter ends with "De Minister van Binnenlandse Zaken en Koninkrijksrelaties," and the
 * name on the next line ("H.G.J. Bruins Slot"); the committee's part with "De voorzitter van de commissie,"
 * and "De griffier van de commissie,". None of that belongs to the last answer.
 */
final class ClosingLine {

    private static final int MAX_LENGTH = 140;
    private static final int MAX_NAME = 60;
    private static final Pattern SIGNATURE = Pattern.compile(
            "^De (?:Minister|Staatssecretaris|Minister-President|minister|staatssecretaris|voorzitter|griffier|"
                    + "adjunct-griffier|waarnemend griffier)\\b[^.;:]*,$");
    private static final Pattern NAME = Pattern.compile("^\\p{Lu}[\\p{L}.'’ -]*\\p{L}\\.?$");

    private ClosingLine() {
    }

    static boolean recognise(String line, String next) {
        return line.length() <= MAX_LENGTH && line.startsWith("De ") && SIGNATURE.matcher(line).matches()
                && next != null && next.length() <= MAX_NAME && NAME.matcher(next).matches();
    }
}
