package nl.kamerqa.parser;

import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.format.DocTextExtractor;
import nl.kamerqa.parser.DocumentFormat;
import nl.kamerqa.parser.format.DocxTextExtractor;
import nl.kamerqa.parser.FormatSniffer;
import nl.kamerqa.parser.format.HtmlDocumentReader;
import nl.kamerqa.parser.format.OdtDocumentReader;
import nl.kamerqa.parser.format.PdfTextExtractor;
import nl.kamerqa.parser.format.XmlDocumentReader;
import nl.kamerqa.parser.internal.InputDecoder;
import nl.kamerqa.parser.internal.OfficialPrecedence;
import nl.kamerqa.parser.internal.QualityCheck;
import nl.kamerqa.parser.internal.TextParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Entry point of the parser: built once, immutable and thread-safe.
 * <p>
 * Reads Kamervragen (with their answers or a mededeling), lists of questions and answers, notas naar aanleiding van
 * het verslag and reports of a schriftelijk overleg into a {@link ParsedDocument}: questions with their answers, the
 * asking party, printed page numbers, footnotes and Kamerstuk references; the genre names are {@link Genres}'.
 * {@link #parse(byte[])} tells the format from the bytes (PDF, Word .docx and .doc, OpenDocument text, HTML, official
 * XML, text); {@link #parseText} reads text. Neither throws on a document it can read: what it cannot resolve it reports in
 * {@link ParsedDocument#warnings()}, and a document that fits no genre has no questions and a warning.
 */
public final class QaParser {

    /**
     * The parser version stored with every parsed document (a new version re-parses what an older one stored): the
     * project version, written into {@code qa-parser.properties} by the build.
     */
    public static final String VERSION = buildVersion();

    private final TextParser textParser = new TextParser(VERSION);

    private QaParser() {
    }

    private static String buildVersion() {
        Properties properties = new Properties();
        try (InputStream in = QaParser.class.getResourceAsStream("qa-parser.properties")) {
            if (in == null) {
                throw new IllegalStateException("qa-parser.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read qa-parser.properties", e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.startsWith("@")) {
            throw new IllegalStateException("qa-parser.properties was not filtered by the build: version=" + version);
        }
        return version;
    }

    /** Warnings kept per document; see {@link #withCappedWarnings}. */
    public static final int MAX_WARNINGS = 50;

    public static QaParser create() {
        return new QaParser();
    }

    /**
     * Parses a document whose format is sniffed from its bytes, never taken from a declared content type: a PDF's
     * and a Word file's (.docx or Word 97-2003 .doc) text go through the text reader (pages from the PDF itself), official publication XML and
     * zoek.officielebekendmakingen.nl pages are read by their structure, UTF-8 (or UTF-16 with a byte-order mark)
     * text as text. An HTML page without publication markup is read by its text.
     *
     * @throws UnsupportedDocumentException the bytes are no document the parser reads, with a message naming the
     *                                      format problem (empty, binary, a zip that is no Word or OpenDocument text, an Excel or other
     *                                      OLE2 file that is no Word document, an encrypted .doc, a corrupt,
     *                                      encrypted or image-only PDF, XML that is no publication, ...)
     */
    public ParsedDocument parse(byte[] content) {
        return parse(content, null);
    }

    /**
     * Parses a document as {@link #parse(byte[])}, taking what the official register says about it over what the
     * text gives where the register is the authority (ids, registered dates) or the text is silent; the questions
     * and answers are always the text's. See {@link OfficialPrecedence} for the precedence, field by field.
     *
     * @param official the register's metadata, or null when there is none (then the same as {@link #parse(byte[])})
     */
    public ParsedDocument parse(byte[] content, OfficialMetadata official) {
        Objects.requireNonNull(content, "content");
        DocumentFormat format = FormatSniffer.sniff(content);
        return withCappedWarnings(OfficialPrecedence.apply(switch (format) {
            case PDF -> textParser.parse(PdfTextExtractor.extractLines(content));
            case DOCX -> textParser.parse(DocxTextExtractor.extractLines(content));
            case DOC -> textParser.parse(DocTextExtractor.extractLines(content));
            case ODT -> OdtDocumentReader.read(content, lines -> textParser.parse(lines));
            case HTML -> html(content);
            case XML -> XmlDocumentReader.read(content);
            case PLAIN_TEXT -> textParser.parse(InputDecoder.decode(content));
            case UNKNOWN -> textParser.parse(InputDecoder.decodeUnknown(content));
        }, official));
    }

    /**
     * A publication page by its markup; a page without it (tweedekamer.nl prints the same Kamervragen as plain
     * paragraphs) by its text.
     */
    private ParsedDocument html(byte[] content) {
        try {
            return HtmlDocumentReader.read(content);
        } catch (HtmlDocumentReader.NoPublicationException e) {
            ParsedDocument parsed = textParser.parse(HtmlDocumentReader.text(content));
            List<String> warnings = new ArrayList<>(parsed.warnings());
            warnings.add("HTML without officielebekendmakingen publication markup: read as text");
            return parsed.withWarnings(warnings);
        }
    }

    /** Parses plain text as an extractor produces it (pdftotext with or without -layout, pandoc, CRLF copies). */
    public ParsedDocument parseText(String text) {
        return parseText(text, null);
    }

    /** Parses plain text as {@link #parseText(String)}, with the register's metadata as {@link #parse(byte[], OfficialMetadata)}. */
    public ParsedDocument parseText(String text, OfficialMetadata official) {
        Objects.requireNonNull(text, "text");
        return withCappedWarnings(OfficialPrecedence.apply(textParser.parse(text), official));
    }

    /**
     * At most {@value #MAX_WARNINGS} warnings and one line counting the rest: a document of stray "Antwoord" lines
     * or other noise would otherwise carry a warning per line into MongoDB and every parsed event.
     */
    static ParsedDocument withCappedWarnings(ParsedDocument unchecked) {
        // every route ends here, so every format gets the same quality block
        ParsedDocument parsed = unchecked.withQuality(QualityCheck.of(unchecked));
        List<String> warnings = parsed.warnings();
        if (warnings.size() <= MAX_WARNINGS) {
            return parsed;
        }
        List<String> capped = new ArrayList<>(warnings.subList(0, MAX_WARNINGS));
        capped.add("… and " + (warnings.size() - MAX_WARNINGS) + " more warnings");
        return parsed.withWarnings(capped);
    }
}
