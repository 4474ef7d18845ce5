package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.extracted.ExtractedText;

import java.util.List;

/**
 * Reads the text of a parliamentary document, whatever extractor produced it: lays it out ({@link TextLayout}; from
 * typed lines, what the extractor knows of pages, footnotes and footers is taken, plain text is guessed) and hands it
 * to the reader of its genre, the one of the registered {@link GenreReaders} most confident that the text
 * is of its genre. A text that fits no genre gives no questions and says so in a warning. Stateless; one call per
 * document; never throws on text.
 */
public final class TextParser {

    private final String version;
    private final GenreReaders readers = GenreReaders.STANDARD;

    public TextParser(String version) {
        this.version = version;
    }

    /** Parses plain text (pdftotext, pandoc, a copy with CRLF): pages only where footers or form feeds tell them. */
    public ParsedDocument parse(String input) {
        String text = FlattenedText.unflatten(input);
        return read(TextLayout.of(text), text);
    }

    /**
     * Parses an extractor's typed lines (PDF, Word, OpenDocument): pages, footnotes and footers as the extractor
     * tells them; lines of unknown role only (plain text) are read as {@link #parse(String)} reads text.
     */
    public ParsedDocument parse(ExtractedText text) {
        if (!text.typed()) {
            return parse(text.text());
        }
        return read(TextLayout.of(text), text.text());
    }

    private ParsedDocument read(TextLayout layout, String input) {
        return document(layout, readers.choose(layout, input).read(layout));
    }

    /** The record of what a reader read, with what the document's own page footer says. */
    private ParsedDocument document(TextLayout layout, Reading reading) {
        List<Question> questions = reading.questions();
        Warnings warnings = reading.warnings();
        if (questions.isEmpty()) {
            warnings.addFirst("no questions found");
        } else if (questions.stream().allMatch(q -> q.page() == null)) {
            warnings.add("printed page numbers unknown: too few page footers or page breaks to tell the pages apart");
        }
        PageFooter own = layout.footers().own();
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION, reading.documentId(), reading.genre(), reading.title(),
                own == null ? null : own.kamer(), own == null ? null : own.vergaderjaar(),
                own == null ? null : own.dossier(), own == null ? null : own.ondernummer(),
                reading.parties(), questions, reading.footnotes(), reading.references(), warnings.list(),
                new ParsedDocument.ParserInfo(version), null, reading.kamervragen());
    }
}
