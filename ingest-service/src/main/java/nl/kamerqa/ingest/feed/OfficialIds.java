package nl.kamerqa.ingest.feed;

import nl.kamerqa.ingest.DocumentIds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * officielebekendmakingen ids from the Tweede Kamer's own fields, so a document from its feeds and the same
 * document from the SRU repository join on one documentId.
 */
public final class OfficialIds {

    private static final Pattern VERGADERJAAR = Pattern.compile("(\\d{4})\\s*[-–/]\\s*(\\d{4})");
    private static final Pattern FULL_AANHANGSEL = Pattern.compile("(\\d{8})-(\\d{1,6})");
    private static final Pattern SHORT_AANHANGSEL = Pattern.compile("(\\d{4})(\\d{2})-(\\d{1,6})");
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

    /** The dossier as officielebekendmakingen writes it ({@code 36200-VII}), or null. */
    public static String dossier(String dossierNummer, String toevoeging) {
        if (dossierNummer == null || !NUMBER.matcher(dossierNummer.strip()).matches()) {
            return null;
        }
        String addition = toevoeging == null ? "" : toevoeging.strip().replaceAll("\\s+", "-");
        return dossierNummer.strip() + (addition.isEmpty() ? "" : "-" + addition);
    }

    /**
     * {@code ah-tk-20262027-412} from an aanhangsel number in any of the forms seen ({@code 412} with the
     * vergaderjaar, {@code 20262027-412}, {@code 202627-412}); else null.
     */
    public static String aanhangsel(String aanhangselnummer, String vergaderjaar) {
        if (aanhangselnummer == null || aanhangselnummer.isBlank()) {
            return null;
        }
        String nr = aanhangselnummer.strip();
        Matcher full = FULL_AANHANGSEL.matcher(nr);
        if (full.matches()) {
            return valid("ah-tk-" + full.group(1) + "-" + full.group(2));
        }
        Matcher shortForm = SHORT_AANHANGSEL.matcher(nr);
        if (shortForm.matches()) {
            int first = Integer.parseInt(shortForm.group(1));
            return valid("ah-tk-" + first + (first + 1) + "-" + shortForm.group(3));
        }
        if (NUMBER.matcher(nr).matches() && vergaderjaar != null) {
            Matcher year = VERGADERJAAR.matcher(vergaderjaar);
            if (year.find()) {
                return valid("ah-tk-" + year.group(1) + year.group(2) + "-" + Integer.parseInt(nr));
            }
        }
        return null;
    }

    private static String valid(String id) {
        return DocumentIds.isOfficial(id) ? id : null;
    }
}
