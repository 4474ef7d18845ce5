package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.OfficialIds;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page footer recogniser.
 * <p>
 * convention: every page of a Kamerstuk ends with a footer
 * "Tweede Kamer, vergaderjaar 2022–2023, 36 200 VII, nr. 147 11" (kamer, vergaderjaar, dossier, ondernummer,
 * printed page number); an Eerste Kamer paper has a letter for ondernummer ("36 200 VII, C"), an Aanhangsel
 * just "Aanhangsel". The page number may also stand before the footer.
 *
 * @param kamer        "Tweede Kamer" or "Eerste Kamer"
 * @param vergaderjaar "2022–2023" (always with an en dash)
 * @param dossier      "36 200 VII", null when the footer names none
 * @param ondernummer  "147" or "C", null when the footer names none
 * @param page         printed page number, null when the footer has none
 */
record PageFooter(String kamer, String vergaderjaar, String dossier, String ondernummer, Integer page) {

    private static final int MAX_LENGTH = 200;
    private static final Pattern FOOTER = Pattern.compile(
            "^(?:(\\d{1,4}) )?(Tweede|Eerste) Kamer, vergaderjaar (\\d{4}) ?[–-] ?(\\d{4})(?:, ?(.*))?$");
    private static final Pattern KAMERSTUK = Pattern.compile(
            "^(\\d{1,3}(?: \\d{3})?(?:-[0-9A-Z]{1,4})?(?: [A-Z]{1,6}){0,2}),? (?:nr\\. ?(\\d{1,5})|([A-Z]{1,3}))(?: (\\d{1,4}))?$");
    private static final Pattern TRAILING_PAGE = Pattern.compile("^(.*?) ?\\b(\\d{1,4})$");

    static Optional<PageFooter> recognise(String line) {
        if (line.length() > MAX_LENGTH || line.indexOf("Kamer, vergaderjaar") < 0) {
            return Optional.empty();
        }
        Matcher m = FOOTER.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer page = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        String kamer = m.group(2) + " Kamer";
        String vergaderjaar = m.group(3) + "–" + m.group(4);
        String rest = m.group(5) == null ? "" : m.group(5).strip();
        Matcher k = KAMERSTUK.matcher(rest);
        if (k.matches()) {
            String nr = k.group(2) != null ? k.group(2) : k.group(3);
            if (k.group(4) != null) {
                page = Integer.valueOf(k.group(4));
            }
            return Optional.of(new PageFooter(kamer, vergaderjaar, k.group(1), nr, page));
        }
        Matcher t = TRAILING_PAGE.matcher(rest);
        if (page == null && t.matches()) {
            page = Integer.valueOf(t.group(2));
        }
        return Optional.of(new PageFooter(kamer, vergaderjaar, null, null, page));
    }

    /** "kst-36200-VII-147": the official identifier of a Kamerstuk, null when the footer names no paper. */
    String documentId() {
        return OfficialIds.kamerstuk(dossier, ondernummer);
    }

    /** Which paper the footer belongs to, whatever the page. */
    String identity() {
        return kamer + "|" + vergaderjaar + "|" + dossier + "|" + ondernummer;
    }

    PageFooter withPage(Integer p) {
        return new PageFooter(kamer, vergaderjaar, dossier, ondernummer, p);
    }
}
