package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.OfficialIds;
import nl.kamerqa.parser.format.QaAssembler.FlowBlock;
import nl.kamerqa.parser.format.QaAssembler.QaBlock;
import nl.kamerqa.parser.internal.KamervragenMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * The record a publication's structure makes, one set of rules for the XML and the HTML reader: each finds the parts
 * in its own markup ({@link KamervragenParts}, {@link KamerstukParts}); the questions and answers, the askers'
 * parties, the warnings, the genre and the fall-backs for missing metadata are the same whichever markup they came
 * from, so the same publication gives the same record from either.
 */
final class PublicationRecord {

    /**
     * What the markup of Kamervragen says.
     *
     * @param id             the official identifier, as the reader resolved it (null when none can be made)
     * @param title          the asking description ("Vragen van het lid ... (PVV) aan de minister ...")
     * @param mededeling     the text of a "Mededeling" (the questions were answered elsewhere), null for none
     * @param answerSentence the answering description ("Antwoord van minister ..."), null for none
     * @param number         the Aanhangsel number as the metadata gives it, null for none
     * @param askedOn        ISO date the questions were sent in, null when the markup does not say
     * @param answeredOn     ISO date of the answer, null when the markup does not say
     */
    record KamervragenParts(String id, String kamer, String vergaderjaar, String title, List<QaBlock> blocks,
                            String mededeling, String answerSentence, String number, String askedOn,
                            String answeredOn) {
    }

    /**
     * What the markup of a Kamerstuk says: its metadata and its text as a flow of blocks.
     *
     * @param id the official identifier from the metadata, null to make it of dossier and ondernummer
     */
    record KamerstukParts(String id, String kamer, String vergaderjaar, String dossier, String ondernummer,
                          String title, List<FlowBlock> flow) {
    }

    private PublicationRecord() {
    }

    /** Genre Kamervragen; the parties from the asking description, the Kamer from the identifier when not given. */
    static ParsedDocument kamervragen(KamervragenParts parts, PublicationNotes notes) {
        List<String> parties = Publications.partiesOfOmschrijving(parts.title());
        boolean anyAnswer = parts.blocks().stream().anyMatch(QaBlock::answer);
        QaAssembler.Result result = QaAssembler.kamervragen(parts.blocks(), Publications.singleParty(parties));
        List<String> warnings = new ArrayList<>(result.warnings());
        // convention: a "Mededeling" says the questions were answered elsewhere; it answers none of them
        String mededeling = anyAnswer ? null : parts.mededeling();
        if (mededeling != null) {
            warnings.add("no answers; mededeling: " + mededeling);
        }
        String kamer = parts.kamer() != null ? parts.kamer() : Publications.kamerOfIdentifier(parts.id());
        return Publications.document(parts.id(), Publications.GENRE_KAMERVRAGEN, parts.title(), kamer,
                        parts.vergaderjaar(), null, null, parties, result.questions(), notes.list(), warnings)
                .withKamervragen(KamervragenMetadata.of(parts.title(), parts.answerSentence(), parts.number(),
                        mededeling, parts.askedOn(), parts.answeredOn()));
    }

    /** The genre from the stuk's title; the identifier made of dossier and ondernummer when the metadata has none. */
    static ParsedDocument kamerstuk(KamerstukParts parts, PublicationNotes notes) {
        QaAssembler.Result result = QaAssembler.kamerstuk(parts.flow());
        String id = parts.id() != null ? parts.id() : OfficialIds.kamerstuk(parts.dossier(), parts.ondernummer());
        return Publications.document(id, Publications.genreOfStuk(parts.title()), parts.title(), parts.kamer(),
                parts.vergaderjaar(), parts.dossier(), parts.ondernummer(), result.parties(), result.questions(),
                notes.list(), result.warnings());
    }
}
