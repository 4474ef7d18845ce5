package nl.kamerqa.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The parser's output: one contract for the CLI, the {@link Topics#PARSED} event and the stored document.
 *
 * @param schemaVersion version of this record's shape
 * @param documentId    official identifier (from the page footer or the raw event), else the raw event's id
 * @param genre         kind of document, e.g. SCHRIFTELIJK_OVERLEG
 * @param title         the document heading
 * @param kamer         the chamber as printed ("Tweede Kamer"), null when not found
 * @param vergaderjaar  the parliamentary year as printed ("2023–2024"), null when not found
 * @param dossier       the Kamerstuk dossier number ("36 200 VII"), null when none
 * @param ondernummer   the number within the dossier ("147"), null when none
 * @param parties       parties in order of first appearance
 * @param questions     numbered questions with their answers
 * @param footnotes     footnote bodies with their page
 * @param references    Kamerstuk references found in the texts
 * @param warnings      what the parser noticed but could not resolve
 * @param parser        which parser produced this
 * @param provenance    which raw event it came from; null when parsed outside the pipeline (CLI)
 * @param kamervragen   who asked whom, when, and who answered: only for genre KAMERVRAGEN, else null
 * @param quality       what makes the parse suspect (numbering gaps, unanswered or duplicated questions, note markers
 *                      without a note); null from parsers before it was added
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParsedDocument(
        int schemaVersion,
        String documentId,
        String genre,
        String title,
        String kamer,
        String vergaderjaar,
        String dossier,
        String ondernummer,
        List<String> parties,
        List<Question> questions,
        List<Footnote> footnotes,
        List<Reference> references,
        List<String> warnings,
        ParserInfo parser,
        Provenance provenance,
        Kamervragen kamervragen,
        Quality quality) {

    public static final int SCHEMA_VERSION = 1;

    public ParsedDocument {
        parties = parties == null ? List.of() : List.copyOf(parties);
        questions = questions == null ? List.of() : List.copyOf(questions);
        footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
        references = references == null ? List.of() : List.copyOf(references);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A document without a quality block (kept so the callers from before that field compile). */
    public ParsedDocument(int schemaVersion, String documentId, String genre, String title, String kamer,
                          String vergaderjaar, String dossier, String ondernummer, List<String> parties,
                          List<Question> questions, List<Footnote> footnotes, List<Reference> references,
                          List<String> warnings, ParserInfo parser, Provenance provenance, Kamervragen kamervragen) {
        this(schemaVersion, documentId, genre, title, kamer, vergaderjaar, dossier, ondernummer, parties, questions,
                footnotes, references, warnings, parser, provenance, kamervragen, null);
    }

    /** A document of a genre without Kamervragen metadata (kept so the callers from before that field compile). */
    public ParsedDocument(int schemaVersion, String documentId, String genre, String title, String kamer,
                          String vergaderjaar, String dossier, String ondernummer, List<String> parties,
                          List<Question> questions, List<Footnote> footnotes, List<Reference> references,
                          List<String> warnings, ParserInfo parser, Provenance provenance) {
        this(schemaVersion, documentId, genre, title, kamer, vergaderjaar, dossier, ondernummer, parties, questions,
                footnotes, references, warnings, parser, provenance, null, null);
    }

    /** The same document under another id, e.g. the raw event's id when the text named none. */
    public ParsedDocument withDocumentId(String id) {
        return new ParsedDocument(schemaVersion, id, genre, title, kamer, vergaderjaar, dossier, ondernummer,
                parties, questions, footnotes, references, warnings, parser, provenance, kamervragen, quality);
    }

    /** The same document with the raw event it came from. */
    public ParsedDocument withProvenance(Provenance p) {
        return new ParsedDocument(schemaVersion, documentId, genre, title, kamer, vergaderjaar, dossier, ondernummer,
                parties, questions, footnotes, references, warnings, parser, p, kamervragen, quality);
    }

    /** The same document with other warnings. */
    public ParsedDocument withWarnings(List<String> w) {
        return new ParsedDocument(schemaVersion, documentId, genre, title, kamer, vergaderjaar, dossier, ondernummer,
                parties, questions, footnotes, references, w, parser, provenance, kamervragen, quality);
    }

    /** The same document with its quality block. */
    public ParsedDocument withQuality(Quality q) {
        return new ParsedDocument(schemaVersion, documentId, genre, title, kamer, vergaderjaar, dossier, ondernummer,
                parties, questions, footnotes, references, warnings, parser, provenance, kamervragen, q);
    }

    /** The same document with its Kamervragen metadata. */
    public ParsedDocument withKamervragen(Kamervragen k) {
        return new ParsedDocument(schemaVersion, documentId, genre, title, kamer, vergaderjaar, dossier, ondernummer,
                parties, questions, footnotes, references, warnings, parser, provenance, k, quality);
    }

    /**
     * One numbered question.
     *
     * @param number    the printed number ("7")
     * @param party     the asking party ("D66"), null where the document names none
     * @param text      the question text, line breaks folded, footnote markers taken out
     * @param page      printed page number where the question starts, null when unknown
     * @param line      1-based input line where it starts, to trace a record back to its source
     * @param footnotes numbers of the footnotes cited in the text
     * @param answer    the reply, null when there is none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String number, String party, String text, Integer page, Integer line,
                           List<Integer> footnotes, Answer answer) {
        public Question {
            footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
        }
    }

    /**
     * A reply; one reply to several questions appears on each of them with the same text.
     *
     * @param covers the numbers of all questions this reply answers ("7", "8")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String text, Integer page, Integer line, List<String> covers, List<Integer> footnotes) {
        public Answer {
            covers = covers == null ? List.of() : List.copyOf(covers);
            footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
        }
    }

    /** A footnote body, numbered as printed, with the page it is printed on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Footnote(int number, String text, Integer page) {
    }

    /** A reference to another parliamentary paper, e.g. kind "kamerstuk", dossier "35 165", ondernummer "51". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(String kind, String dossier, String ondernummer) {
    }

    /**
     * What the Aanhangsel (or the ministry's answer letter) says about the questions: "Vragen van het lid X (P) aan de
     * Minister van Y over Z (ingezonden 12 april 2024)." and "Antwoord van Minister W (ontvangen 14 mei 2024).".
     *
     * @param askers           the members who asked, in printed order, each with the party printed beside the name
     * @param addressee        to whom the questions were put ("Minister van Volksgezondheid, Welzijn en Sport")
     * @param subject          what they are about (the words after "over")
     * @param answeredBy       who answered, or who sent the mededeling ("Minister Schippers (Volksgezondheid, ...)")
     * @param ingezonden       ISO date the questions were submitted ("2014-10-03"), null when not printed
     * @param ontvangen        ISO date the answer (or mededeling) was received, null when not printed
     * @param aanhangselnummer the number in the Aanhangsel van de Handelingen ("698"), null before publication
     * @param mededeling       the text of a "Mededeling" (answer postponed, withdrawn or given elsewhere); the
     *                         questions then have no answers. Null when the questions were answered.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Kamervragen(List<Asker> askers, String addressee, String subject, String answeredBy,
                              String ingezonden, String ontvangen, String aanhangselnummer, String mededeling) {
        public Kamervragen {
            askers = askers == null ? List.of() : List.copyOf(askers);
        }
    }

    /** A member who asked: the name as printed ("Van Nispen") and the party printed with it, null when none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Asker(String name, String party) {
    }

    /**
     * What makes a parse suspect, so an operator looks at it instead of trusting it.
     *
     * @param numberingGaps         question numbers missing between the first and the last ("4", "5")
     * @param unanswered            questions without an answer
     * @param answersExpected       whether the genre answers its questions in the document itself (a mededeling
     *                              or a verslag does not)
     * @param duplicatedNumbers     numbers that head more than one question
     * @param unassignedNoteMarkers footnote numbers cited in the text for which no note was found
     * @param suspectReasons        the reasons the parse is suspect, e.g. "numbering_gap", "unanswered",
     *                              "duplicated_number", "unassigned_note_marker", "no_questions"; empty when it is not
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quality(List<String> numberingGaps, List<String> unanswered, boolean answersExpected,
                          List<String> duplicatedNumbers, List<Integer> unassignedNoteMarkers,
                          List<String> suspectReasons) {
        public static final String NUMBERING_GAP = "numbering_gap";
        public static final String UNANSWERED = "unanswered";
        public static final String DUPLICATED_NUMBER = "duplicated_number";
        public static final String UNASSIGNED_NOTE_MARKER = "unassigned_note_marker";
        public static final String NO_QUESTIONS = "no_questions";
        /** Every reason a parse can be suspect, e.g. to register a metric per reason up front. */
        public static final List<String> REASONS = List.of(NUMBERING_GAP, UNANSWERED, DUPLICATED_NUMBER,
                UNASSIGNED_NOTE_MARKER, NO_QUESTIONS);

        public Quality {
            numberingGaps = numberingGaps == null ? List.of() : List.copyOf(numberingGaps);
            unanswered = unanswered == null ? List.of() : List.copyOf(unanswered);
            duplicatedNumbers = duplicatedNumbers == null ? List.of() : List.copyOf(duplicatedNumbers);
            unassignedNoteMarkers = unassignedNoteMarkers == null ? List.of() : List.copyOf(unassignedNoteMarkers);
            suspectReasons = suspectReasons == null ? List.of() : List.copyOf(suspectReasons);
        }

        /** Whether anything makes the parse suspect. */
        public boolean suspect() {
            return !suspectReasons.isEmpty();
        }
    }

    /**
     * Which parser produced the record.
     *
     * @param version the parser's version; a new version may re-parse every document
     */
    public record ParserInfo(String version) {
    }

    /**
     * The raw event a stored document was produced from.
     *
     * @param topic         the raw topic it was read from
     * @param partition     its partition
     * @param offset        its offset
     * @param contentSha256 the raw event's contentSha256
     * @param source        the raw event's source (upload, folder, syncfeed, odata, sru)
     */
    public record Provenance(String topic, int partition, long offset, String contentSha256, String source) {
    }
}
