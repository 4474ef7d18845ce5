package nl.kamerqa.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Official identifiers as officielebekendmakingen writes them, built one way for every route (text, XML, HTML, ODT)
 * and for the services that name documents from other sources (ingest's feeds), so the same document gets the same
 * id whichever way it came in.
 */
public final class OfficialIds {

    // convention: an Aanhangsel van de Handelingen is "ah-" + "tk" (Tweede Kamer) or "ek" (Eerste Kamer) + the
    // vergaderjaar's eight digits + its number: "ah-tk-20142015-698"
    private static final Pattern AANHANGSEL = Pattern.compile("ah-(?:tk|ek)-\\d{8}-\\d{1,6}");
    // convention: a Kamerstuk is "kst-" + dossier number + its additions + ondernummer: "kst-36200-VII-147",
    // "kst-21501-32-1234", "kst-36200-VII-C" (the Eerste Kamer numbers with letters)
    private static final Pattern KAMERSTUK = Pattern.compile("kst-\\d{1,6}(?:-[A-Za-z0-9]{1,12}){1,4}");
    private static final Pattern VERGADERJAAR = Pattern.compile("(\\d{4})\\s*[-–/]\\s*(\\d{4})");
    // convention: the Tweede Kamer's own data writes an Aanhangselnummer as YYyyNNNNN: 171800824 = 2017-2018 nr. 824
    private static final Pattern TK_AANHANGSEL = Pattern.compile("(\\d{2})(\\d{2})(\\d{5})");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

    private OfficialIds() {
    }

    /**
     * {@code ah-tk-20142015-698} for Aanhangsel number 698 of 2014–2015 in the Tweede Kamer; null when a part is
     * unknown or no such id can come of them.
     *
     * @param kamer        "Tweede Kamer" or "Eerste Kamer"
     * @param vergaderjaar "2014–2015" (any dash or a slash); may be null when the number is the Tweede Kamer's nine
     *                     digits, which hold it
     * @param number       the Aanhangsel number, "698", or the Tweede Kamer's nine digits "201401698"
     */
    public static String aanhangsel(String kamer, String vergaderjaar, String number) {
        if (kamer == null || number == null || number.isBlank()) {
            return null;
        }
        String nr = number.strip();
        String prefix = "ah-" + (kamer.startsWith("Eerste") ? "ek" : "tk") + "-";
        Matcher tk = TK_AANHANGSEL.matcher(nr);
        if (tk.matches()) {
            int first = century(Integer.parseInt(tk.group(1)));
            int second = Integer.parseInt(tk.group(2));
            int n = Integer.parseInt(tk.group(3));
            return (first + 1) % 100 != second || n < 1 ? null : valid(prefix + first + (first + 1) + "-" + n, AANHANGSEL);
        }
        if (vergaderjaar == null || !NUMBER.matcher(nr).matches() || Integer.parseInt(nr) < 1) {
            return null;
        }
        Matcher year = VERGADERJAAR.matcher(vergaderjaar);
        return year.find() ? valid(prefix + year.group(1) + year.group(2) + "-" + Integer.parseInt(nr), AANHANGSEL) : null;
    }

    /**
     * {@code kst-36200-VII-147} for dossier "36 200 VII" (as the page footers print it) or "36200-VII" (as
     * officielebekendmakingen writes it) and ondernummer "147"; null when a part is missing or no such id comes of them.
     */
    public static String kamerstuk(String dossier, String ondernummer) {
        if (dossier == null || ondernummer == null || dossier.isBlank() || ondernummer.isBlank()) {
            return null;
        }
        String id = dossier.strip().replaceAll("(?<=\\d) (?=\\d)", "").replaceAll("\\s+", "-");
        return valid("kst-" + id + "-" + ondernummer.strip(), KAMERSTUK);
    }

    /** Whether {@code id} has the shape of an Aanhangsel's id ({@code ah-tk-20142015-698}). */
    public static boolean isAanhangsel(String id) {
        return id != null && AANHANGSEL.matcher(id).matches();
    }

    /** Whether {@code id} has the shape of a Kamerstuk's id ({@code kst-36200-VII-147}). */
    public static boolean isKamerstuk(String id) {
        return id != null && KAMERSTUK.matcher(id).matches();
    }

    // officielebekendmakingen's Aanhangsels begin in 1995; two digits 90-99 are the 1990s, the rest this century
    private static int century(int twoDigits) {
        return twoDigits >= 90 ? 1900 + twoDigits : 2000 + twoDigits;
    }

    private static String valid(String id, Pattern shape) {
        return shape.matcher(id).matches() ? id : null;
    }
}
