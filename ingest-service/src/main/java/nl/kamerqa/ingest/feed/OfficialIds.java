package nl.kamerqa.ingest.feed;

import java.util.List;
import java.util.regex.Pattern;

/**
 * officielebekendmakingen ids from the Tweede Kamer's own fields, so a document from its feeds and the same
 * document from the SRU repository join on one documentId.
 */
public final class OfficialIds {

    // the Tweede Kamer's feeds carry only its own documents
    private static final String TWEEDE_KAMER = "Tweede Kamer";
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
        return nl.kamerqa.parser.OfficialIds.kamerstuk(dossier, volgnummer.strip());
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
     * ({@code 2017-2018}); else null. The rule is qa-parser's, so a feed's document and the same document parsed
     * from its publication get one id.
     */
    public static String aanhangsel(String aanhangselnummer, String vergaderjaar) {
        return nl.kamerqa.parser.OfficialIds.aanhangsel(TWEEDE_KAMER, vergaderjaar, aanhangselnummer);
    }
}
