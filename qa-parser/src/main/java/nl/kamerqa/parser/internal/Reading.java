package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.contracts.ParsedDocument.Kamervragen;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.contracts.ParsedDocument.Reference;

import java.util.List;

/**
 * What a {@link GenreReader} read of a document; {@link TextParser} adds what the page footer says and the parser's
 * version.
 *
 * @param genre       the genre written into the record (a name of {@link nl.kamerqa.contracts.Genre}), null when
 *                    the text fits none
 * @param documentId  the document's id, null when the text does not tell it
 * @param kamervragen the Kamervragen metadata, null for other genres
 */
record Reading(String genre, String documentId, String title, List<String> parties, List<Question> questions,
               List<Footnote> footnotes, List<Reference> references, Warnings warnings, Kamervragen kamervragen) {

    /** The id the layout gives: the document's own page footer's, else the colophon's. */
    static String documentId(TextLayout layout) {
        PageFooter own = layout.footers().own();
        String footer = own == null ? null : own.documentId();
        return footer != null ? footer : layout.colophonId();
    }
}
