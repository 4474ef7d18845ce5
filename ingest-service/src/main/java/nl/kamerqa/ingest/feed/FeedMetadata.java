package nl.kamerqa.ingest.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The metadata keys every feed fills where its source knows the value, so the parser can use metadata over
 * guesses whichever channel a document came through. Source-specific extras are added under their own names.
 */
public final class FeedMetadata {

    /** Kamerstuk dossier, as officielebekendmakingen writes it: {@code 36200-VII}; several separated by "; ". */
    public static final String DOSSIER = "dossier";
    /** Number within the dossier (Kamerstuk volgnummer): {@code 147}. */
    public static final String ONDERNUMMER = "ondernummer";
    /** {@code 2026-2027}. */
    public static final String VERGADERJAAR = "vergaderjaar";
    /** The source's kind of document: {@code Antwoord schriftelijke vragen}, {@code Mededeling (uitstel antwoord)}, ... */
    public static final String DOCUMENTTYPE = "documenttype";
    /** Date of the document, ISO-8601 as the source gives it. */
    public static final String DATE = "date";
    public static final String TITLE = "title";
    /** Submitter(s), separated by "; ". */
    public static final String INDIENER = "indiener";
    /** Party of the submitter(s), separated by "; ". */
    public static final String PARTY = "party";
    /** The officielebekendmakingen id the source gave or that was derived from its fields. */
    public static final String OFFICIAL_ID = "officialId";
    /** Aanhangsel number (answers to Kamervragen). */
    public static final String AANHANGSELNUMMER = "aanhangselnummer";
    /** "true" for a notice that answers are postponed (Mededeling (uitstel antwoord)): it has no answers. */
    public static final String POSTPONEMENT = "postponement";
    /** The source's modification time of the version taken in. */
    public static final String MODIFIED = "modified";
    /** The source's own id of the item (GUID, identifier). */
    public static final String SOURCE_ID = "sourceId";
    /** The feed page the item was listed on. */
    public static final String FEED_URL = "feedUrl";
    /** Prefix of the URLs of the other forms of the document ({@code url.xml}, {@code url.pdf}, ...). */
    public static final String URL_PREFIX = "url.";

    // convention: the Tweede Kamer soort "Mededeling (uitstel antwoord)"; officielebekendmakingen titles say
    // "uitstel van de beantwoording"
    private static final Pattern POSTPONEMENT_WORDS = Pattern.compile("(?iu)\\buitstel\\b");

    private FeedMetadata() {
    }

    /** True when the kind or title says the document postpones answers. */
    public static boolean isPostponement(String documenttype, String title) {
        return (documenttype != null && POSTPONEMENT_WORDS.matcher(documenttype).find())
                || (title != null && title.toLowerCase(java.util.Locale.ROOT).contains("mededeling")
                && POSTPONEMENT_WORDS.matcher(title).find());
    }

    /** A map that ignores null and blank values, keeping insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, String> map = new LinkedHashMap<>();

        public Builder put(String key, String value) {
            if (value != null && !value.isBlank()) {
                map.put(key, value.strip());
            }
            return this;
        }

        public Map<String, String> build() {
            if (isPostponement(map.get(DOCUMENTTYPE), map.get(TITLE))) {
                map.put(POSTPONEMENT, "true");
            }
            return map;
        }
    }
}
