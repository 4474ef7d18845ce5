package nl.kamerqa.parser;

/**
 * Official identifiers, built one way for every route (text, XML, HTML, ODT).
 * <p>
 * convention: an Aanhangsel van de Handelingen is "ah-" + "tk" (Tweede Kamer) or "ek" (Eerste Kamer) + the
 * vergaderjaar's digits + its number: "ah-tk-20142015-698".
 */
public final class OfficialIds {

    private OfficialIds() {
    }

    /** "ah-tk-20142015-698" for number 698 of 2014–2015 in the Tweede Kamer; null when a part is unknown. */
    public static String aanhangsel(String kamer, String vergaderjaar, String number) {
        if (kamer == null || vergaderjaar == null || number == null || !number.strip().matches("\\d{1,6}")) {
            return null;
        }
        return "ah-" + (kamer.startsWith("Eerste") ? "ek" : "tk") + "-" + vergaderjaar.replaceAll("\\D", "") + "-"
                + number.strip();
    }
}
