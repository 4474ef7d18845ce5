package nl.kamerqa.parser;

/** What a document's bytes are, as {@link FormatSniffer} tells it from magic numbers, never from a declared type. */
public enum DocumentFormat {
    /** Valid UTF-8 without NULs (a byte-order mark is fine): the text parser reads it as is. */
    PLAIN_TEXT,
    /** Starts with {@code %PDF-}: {@code PdfTextExtractor} turns it into text for the text parser. */
    PDF,
    /** A zip holding {@code word/document.xml}: {@code DocxTextExtractor} turns it into text for the text parser. */
    DOCX,
    /**
     * An OLE2 compound file (signature {@code D0 CF 11 E0 A1 B1 1A E1}) holding a {@code WordDocument} stream: Word
     * 97-2003; {@code DocTextExtractor} turns it into text for the text parser.
     */
    DOC,
    /**
     * A zip whose first entry is the stored mimetype {@code application/vnd.oasis.opendocument.text}:
     * {@code OdtTextExtractor} turns it into text for the text parser, {@code OdtDocumentReader} adds its metadata.
     */
    ODT,
    /** An HTML page (zoek.officielebekendmakingen.nl): {@code HtmlDocumentReader} maps it directly. */
    HTML,
    /** Any XML whose root is not {@code html}; official publication XML is mapped by {@code XmlDocumentReader}. */
    XML,
    /**
     * Empty, binary noise, invalid UTF-8, a zip that is no Word or OpenDocument text, an OLE2 file that is no Word
     * document (.xls, .ppt, .msg, an encrypted .docx), and files that look like text but are not read as such: RTF,
     * UTF-16, images, gzip.
     */
    UNKNOWN
}
