package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.internal.InputDecoder;
import nl.kamerqa.parser.internal.ReportParser;

import java.util.Objects;

/**
 * Entry point of the parser: built once, immutable and thread-safe.
 * <p>
 * Reads the text of a report-style document ("verslag van een schriftelijk overleg": numbered questions under
 * party headings, each answered under "Antwoord") into a {@link ParsedDocument}: questions with their answers,
 * printed page numbers, footnotes and Kamerstuk references. Never throws on text; what it cannot resolve it
 * reports in {@link ParsedDocument#warnings()}.
 */
public final class QaParser {

    public static final String VERSION = "0.2.0";

    private final ReportParser reportParser = new ReportParser(VERSION);

    private QaParser() {
    }

    public static QaParser create() {
        return new QaParser();
    }

    /**
     * Parses a document whose format is sniffed from its bytes (UTF-8 or UTF-16 text for now).
     *
     * @throws UnsupportedDocumentException for binary input, invalid UTF-8, or a format not read yet (PDF, Office)
     */
    public ParsedDocument parse(byte[] content) {
        Objects.requireNonNull(content, "content");
        return parseText(InputDecoder.decode(content));
    }

    /** Parses plain text as a PDF-to-text extractor produces it. */
    public ParsedDocument parseText(String text) {
        Objects.requireNonNull(text, "text");
        return reportParser.parse(text);
    }
}
