package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.Genres;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.rules.TitleGenre;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metadata conventions of officielebekendmakingen publications, shared by the XML and HTML readers. */
final class Publications {

    static final String GENRE_KAMERVRAGEN = Genres.KAMERVRAGEN;
    static final String GENRE_SCHRIFTELIJK_OVERLEG = Genres.SCHRIFTELIJK_OVERLEG;
    static final String GENRE_LIJST_VAN_VRAGEN = Genres.LIJST_VAN_VRAGEN_EN_ANTWOORDEN;
    static final String GENRE_NOTA_NAAR_AANLEIDING = Genres.NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG;
    static final String GENRE_VERSLAG = Genres.VERSLAG;
    static final String GENRE_BRIEF = Genres.BRIEF;
    static final String GENRE_KAMERSTUK = Genres.KAMERSTUK;

    // official identifiers: "kst-36200-VII-147", "ah-tk-20232024-1786", "kv-tk-2024Z05678", "stcrt-..."
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z]{2,8}(?:-[A-Za-z0-9]+){1,6}$");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})\\s*[-–/]\\s*(\\d{4})");
    private static final String[] ID_META = {"DC.identifier", "dcterms.identifier", "OVERHEIDop.identifier",
            "OVERHEID.identifier", "identifier"};
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([^()]{1,60})\\)");
    private static final Pattern GROUP_WORD = Pattern.compile("^(?:beiden|beide|allen|alle|allebei)\\s+",
            Pattern.CASE_INSENSITIVE);

    private Publications() {
    }

    /** The official identifier from metadata (DC.identifier and its kin), or from the metadata record's address. */
    static String identifier(Map<String, String> meta) {
        for (String name : ID_META) {
            String value = metaValue(meta, name);
            if (value != null && IDENTIFIER.matcher(value.strip()).matches()) {
                return value.strip();
            }
        }
        // <meta name="OVERHEIDop.externMetadataRecord" content=".../ah-tk-20232024-1786/metadata.xml"/>
        String record = metaValue(meta, "OVERHEIDop.externMetadataRecord");
        if (record != null) {
            Matcher m = Pattern.compile("/([a-z]{2,8}(?:-[A-Za-z0-9]+){1,6})/metadata\\.xml").matcher(record);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    static String identifierOrNull(String candidate) {
        return candidate != null && IDENTIFIER.matcher(candidate.strip()).matches() ? candidate.strip() : null;
    }

    /** A metadata value by case-insensitive name. */
    static String metaValue(Map<String, String> meta, String name) {
        for (Map.Entry<String, String> e : meta.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isBlank()) {
                return e.getValue().strip();
            }
        }
        return null;
    }

    /** "Vergaderjaar 2023-2024" → "2023–2024" (always an en dash, as the page footers print it). */
    static String vergaderjaar(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = YEARS.matcher(text);
        return m.find() ? m.group(1) + "–" + m.group(2) : null;
    }

    /** "Tweede Kamer der Staten-Generaal" → "Tweede Kamer". */
    static String kamer(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("tweede kamer")) {
            return "Tweede Kamer";
        }
        if (lower.contains("eerste kamer")) {
            return "Eerste Kamer";
        }
        return null;
    }

    /** The Kamer an identifier names: "ah-tk-…" / "kv-tk-…" Tweede, "ah-ek-…" Eerste. */
    static String kamerOfIdentifier(String id) {
        if (id == null) {
            return null;
        }
        if (id.matches("^[a-z]+-tk-.*")) {
            return "Tweede Kamer";
        }
        if (id.matches("^[a-z]+-ek-.*")) {
            return "Eerste Kamer";
        }
        return null;
    }

    /** The genre a Kamerstuk's title names ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG" → SCHRIFTELIJK_OVERLEG). */
    static String genreOfStuk(String title) {
        return TitleGenre.of(title);
    }

    /**
     * Parties of the askers, from "Vragen van de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA) aan de ...":
     * the parenthesised names before "aan de/het", "(beiden SP)" counted once.
     */
    static List<String> partiesOfOmschrijving(String omschrijving) {
        if (omschrijving == null) {
            return List.of();
        }
        String askers = omschrijving;
        Matcher to = Pattern.compile("\\s+aan\\s+(?:de|het|den)\\s").matcher(omschrijving);
        if (to.find()) {
            askers = omschrijving.substring(0, to.start());
        }
        Set<String> parties = new LinkedHashSet<>();
        Matcher m = PARENTHESISED.matcher(askers);
        while (m.find()) {
            String party = GROUP_WORD.matcher(m.group(1).strip()).replaceFirst("");
            // a party is a short name ("D66", "50PLUS"); "(ingezonden 4 april 2024)" is a date
            if (!party.isEmpty() && !party.matches("(?i).*(\\d{3}|ingezonden|ontvangen).*") && party.length() <= 40) {
                parties.add(party);
            }
        }
        return new ArrayList<>(parties);
    }

    /** The one party asking, when there is exactly one; null for several or none. */
    static String singleParty(List<String> parties) {
        return parties.size() == 1 ? parties.get(0) : null;
    }

    /** The record every structured reader returns. */
    static ParsedDocument document(String documentId, String genre, String title, String kamer, String vergaderjaar,
                                   String dossier, String ondernummer, List<String> parties, List<Question> questions,
                                   List<Footnote> footnotes, List<String> warnings) {
        List<String> allWarnings = new ArrayList<>(warnings);
        if (questions.isEmpty()) {
            allWarnings.add("no questions found");
        }
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION, documentId, genre, emptyToNull(title), kamer,
                vergaderjaar, emptyToNull(dossier), emptyToNull(ondernummer), parties, questions, footnotes,
                List.of(), allWarnings, new ParsedDocument.ParserInfo(QaParser.VERSION), null);
    }

    /**
     * The document with what a publication's metadata says filled in where its text said nothing: the official
     * identifier (always preferred: the text's colophon may be cut off), Kamer, vergaderjaar, dossier, ondernummer.
     */
    static ParsedDocument withMetadata(ParsedDocument parsed, Map<String, String> meta) {
        if (meta.isEmpty()) {
            return parsed;
        }
        String id = identifier(meta);
        id = id != null ? id : parsed.documentId();
        String kamer = parsed.kamer() != null ? parsed.kamer() : kamer(metaValue(meta, "DC.creator"));
        kamer = kamer != null ? kamer : kamerOfIdentifier(id);
        String vergaderjaar = parsed.vergaderjaar() != null ? parsed.vergaderjaar()
                : vergaderjaar(metaValue(meta, "OVERHEIDop.vergaderjaar"));
        String dossier = parsed.dossier() != null ? parsed.dossier() : dossier(metaValue(meta, "OVERHEIDop.dossiernummer"));
        String ondernummer = parsed.ondernummer() != null ? parsed.ondernummer()
                : emptyToNull(metaValue(meta, "OVERHEIDop.ondernummer"));
        return new ParsedDocument(parsed.schemaVersion(), id, parsed.genre(), parsed.title(), kamer, vergaderjaar,
                dossier, ondernummer, parsed.parties(), parsed.questions(), parsed.footnotes(), parsed.references(),
                parsed.warnings(), parsed.parser(), parsed.provenance(), parsed.kamervragen());
    }

    /** "32545" → "32 545", "36200 VII" → "36 200 VII": a dossier number as the publications print it. */
    static String dossier(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().replaceFirst("^(\\d{1,3})(\\d{3})(?=\\b|\\D|$)", "$1 $2");
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
