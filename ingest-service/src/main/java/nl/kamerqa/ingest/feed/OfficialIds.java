package nl.kamerqa.ingest.feed;

import nl.kamerqa.ingest.DocumentIds;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * officielebekendmakingen ids from the Tweede Kamer's own fields, so a document from its feeds and the same
 * document from the SRU repository join on one documentId.
 */
public final class OfficialIds {

    private static final Pattern VERGADERJAAR = Pattern.compile("(\\d{4})\\s*[-–/]\\s*(\\d{4})");
    // convention: the Tweede Kamer writes an Aanhangselnummer as YYyyNNNNN, 171800824 = 2017-2018 nr. 824
    private static final Pattern TK_AANHANGSEL = Pattern.compile("(\\d{2})(\\d{2})(\\d{5})");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

    private OfficialIds() {
    }

    /** {@code kst-36200-VII-147} from dossier number, its addition (may be null) and the volgnummer; else null. */
    public static String kamerstuk(String dossierNummer, String toevoeging, String volgnummer) {
        return kamerstukInDossier(dossier(dossierNummer, toevoeging), volgnummer);
    }

    /** {@code kst-36200-VII-147} from a dossier as {@link #dossier} writes it and the volgnummer; else null. */
    public static String kamerstukInDossier(String dossier, String volgnummer) {
        if (dossier == null || volgnummer == null || !NUMBER.matcher(volgnummer.strip()).matches()
                || Integer.parseInt(volgnummer.strip()) < 1) {
            return null;
        }
        return valid("kst-" + dossier + "-" + volgnummer.strip());
    }

    /**
     * The kamerstuk id when the document lies in exactly one dossier. A document in several dossiers (OData's
     * Kamerstukdossier is many-to-many) gets none: which dossier its number belongs to is not in the data, and
     * a wrong official id would make it a version of another document.
     */
    public static String kamerstukInDossiers(List<String> dossiers, String volgnummer) {
        return dossiers.size() == 1 ? kamerstukInDossier(dossiers.get(0), volgnummer) : null;
    }

    /** The dossier as officielebekendmakingen writes it ({@code 36200-VII}), or null. */
    public static String dossier(String dossierNummer, String toevoeging) {
        if (dossierNummer == null || !NUMBER.matcher(dossierNummer.strip()).matches()) {
            return null;
        }
        String addition = toevoeging == null ? "" : toevoeging.strip().replaceAll("\\s+", "-");
        return dossierNummer.strip() + (addition.isEmpty() ? "" : "-" + addition);
    }

    /**
     * {@code ah-tk-20172018-824} from an aanhangsel number: the Tweede Kamer's nine digits {@code 171800824}
     * (the vergaderjaar is in the number), or officielebekendmakingen's plain {@code 824} with the vergaderjaar
     * ({@code 2017-2018}); else null.
     */
    public static String aanhangsel(String aanhangselnummer, String vergaderjaar) {
        if (aanhangselnummer == null || aanhangselnummer.isBlank()) {
            return null;
        }
        String nr = aanhangselnummer.strip();
        Matcher tk = TK_AANHANGSEL.matcher(nr);
        if (tk.matches()) {
            int first = century(Integer.parseInt(tk.group(1)));
            int second = Integer.parseInt(tk.group(2));
            int number = Integer.parseInt(tk.group(3));
            if ((first + 1) % 100 != second || number < 1) {
                return null;
            }
            return valid("ah-tk-" + first + (first + 1) + "-" + number);
        }
        if (NUMBER.matcher(nr).matches() && Integer.parseInt(nr) > 0 && vergaderjaar != null) {
            Matcher year = VERGADERJAAR.matcher(vergaderjaar);
            if (year.find()) {
                return valid("ah-tk-" + year.group(1) + year.group(2) + "-" + Integer.parseInt(nr));
            }
        }
        return null;
    }

    // officielebekendmakingen's Aanhangsels begin in 1995; two digits 90-99 are the 1990s, the rest this century
    private static int century(int twoDigits) {
        return twoDigits >= 90 ? 1900 + twoDigits : 2000 + twoDigits;
    }

    private static String valid(String id) {
        return DocumentIds.isOfficial(id) ? id : null;
    }
}
