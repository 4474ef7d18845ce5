package nl.kamerqa.query.index;

import nl.kamerqa.contracts.ParsedDocument;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citations in the customary Dutch form and links to the official publication.
 * <ul>
 *   <li>convention: "Kamerstukken II 2022/23, 36 200 VII, nr. 147, p. 4" for a Kamerstuk (dossier and number)</li>
 *   <li>convention: "Aanhangsel Handelingen II 2023/24, nr. 1786" for answered Kamervragen</li>
 * </ul>
 */
public final class Citations {

    private static final String OFFICIAL = "https://zoek.officielebekendmakingen.nl/";
    // official publication ids (kst-36200-VII-147, ah-tk-20232024-1786, kv-tk-2024Z01234, h-tk-...)
    private static final Pattern OFFICIAL_ID = Pattern.compile("(kst|ah|kv|h|blg|stb|stcrt)-[A-Za-z0-9-]+");
    private static final Pattern AANHANGSEL_ID = Pattern.compile("ah-(tk|ek)-(\\d{4})(\\d{4})-(\\d+)");
    private static final Pattern VERGADERJAAR = Pattern.compile("(\\d{4})\\D+(\\d{2})(\\d{2})");

    private Citations() {
    }

    /** The citation of the document, with the page when one is given (a question's page), else null if unknown. */
    public static String of(ParsedDocument document, Integer page) {
        String kamer = kamer(document.kamer(), "II");
        String year = shortYear(document.vergaderjaar());
        if (document.dossier() != null && document.ondernummer() != null) {
            return "Kamerstukken " + kamer + (year == null ? "" : " " + year) + ", " + document.dossier()
                    + ", nr. " + document.ondernummer() + (page == null ? "" : ", p. " + page);
        }
        Matcher ah = AANHANGSEL_ID.matcher(document.documentId());
        String number = document.kamervragen() != null ? document.kamervragen().aanhangselnummer() : null;
        if (number != null || ah.matches()) {
            if (ah.matches()) {
                kamer = ah.group(1).equals("ek") ? "I" : "II";
                year = year != null ? year : ah.group(2) + "/" + ah.group(3).substring(2);
                number = number != null ? number : ah.group(4);
            }
            return "Aanhangsel Handelingen " + kamer + (year == null ? "" : " " + year) + ", nr. " + number;
        }
        return null;
    }

    /** The official publication's page for official ids; null for content-hash ids. */
    public static String sourceUrl(String documentId) {
        return OFFICIAL_ID.matcher(documentId).matches() ? OFFICIAL + documentId + ".html" : null;
    }

    /** "2022–2023" (any dash) to "2022/23". */
    static String shortYear(String vergaderjaar) {
        if (vergaderjaar == null) {
            return null;
        }
        Matcher m = VERGADERJAAR.matcher(vergaderjaar);
        return m.find() ? m.group(1) + "/" + m.group(3) : vergaderjaar;
    }

    private static String kamer(String kamer, String fallback) {
        if (kamer == null) {
            return fallback;
        }
        return kamer.toLowerCase().contains("eerste") ? "I" : "II";
    }
}
