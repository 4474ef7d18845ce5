package nl.kamerqa.parser;

import nl.kamerqa.parser.format.OleFiles;
import nl.kamerqa.parser.format.TextScan;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Tells a document's format from its bytes (magic numbers and the first markup), never from a declared content type:
 * uploads and feeds label files wrongly often enough. Never throws on any input but {@code null}.
 */
public final class FormatSniffer {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] ZIP_CENTRAL_HEADER = {'P', 'K', 1, 2};
    private static final byte[] WORD_DOCUMENT = "word/document.xml".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ODF_MIMETYPE_NAME = "mimetype".getBytes(StandardCharsets.US_ASCII);
    // convention (ODF 1.2 part 3, 3.3): the first entry is "mimetype", stored uncompressed; text documents say so
    private static final byte[] ODF_TEXT = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
    // convention: PDF readers accept the header anywhere in the first 1024 bytes (junk before it happens); a header
    // that is not at the start counts only when the file also ends like a PDF, so text quoting "%PDF-1.4" stays text
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int PDF_END_WINDOW = 1024;
    /** Files that decode as text, or nearly, but are not documents the parser reads as text; and what they are. */
    private static final List<Signature> NOT_TEXT = List.of(
            new Signature("{\\rtf".getBytes(StandardCharsets.US_ASCII), "an RTF document; convert it to .docx or PDF"),
            new Signature(new byte[]{(byte) 0xFE, (byte) 0xFF}, "UTF-16 text; send it as UTF-8"),
            new Signature(new byte[]{(byte) 0xFF, (byte) 0xFE}, "UTF-16 text; send it as UTF-8"),
            new Signature(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "a PNG image"),
            new Signature(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "a JPEG image"),
            new Signature(new byte[]{'G', 'I', 'F', '8'}, "a GIF image"),
            new Signature(new byte[]{0x1F, (byte) 0x8B}, "gzip-compressed data"));
    private static final byte[] OOXML_CONTENT_TYPES = "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII);
    private static final int MARKUP_WINDOW = 4096;
    // HTML fragments start with one of these rather than <html>
    private static final Set<String> HTML_ROOTS = Set.of("html", "head", "body", "div", "p", "span", "table", "h1",
            "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "meta", "title", "link", "script", "style",
            "ul", "ol", "br", "a", "header", "footer", "nav");

    private FormatSniffer() {
    }

    /** The format of {@code content}; {@link DocumentFormat#UNKNOWN} for anything unreadable. */
    public static DocumentFormat sniff(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            return DocumentFormat.UNKNOWN;
        }
        if (startsWith(content, PDF_MAGIC, 0)) {
            return DocumentFormat.PDF;
        }
        if (startsWith(content, ZIP_LOCAL_HEADER, 0)) {
            // before the looser PDF check: a zip may store a PDF uncompressed near its start
            if (holdsWordDocument(content)) {
                return DocumentFormat.DOCX;
            }
            return isOpenDocumentText(content) ? DocumentFormat.ODT : DocumentFormat.UNKNOWN;
        }
        if (OleFiles.isOle(content)) {
            return OleFiles.isWordDocument(content) ? DocumentFormat.DOC : DocumentFormat.UNKNOWN;
        }
        if (notText(content) != null) {
            return DocumentFormat.UNKNOWN;
        }
        if (indexOf(content, PDF_MAGIC, 0, Math.min(content.length, PDF_HEADER_WINDOW)) >= 0
                && indexOf(content, PDF_END, Math.max(0, content.length - PDF_END_WINDOW), content.length) >= 0) {
            return DocumentFormat.PDF;
        }
        DocumentFormat markup = sniffMarkup(content);
        if (markup != null) {
            return markup;
        }
        return TextScan.of(content).isPlainText() ? DocumentFormat.PLAIN_TEXT : DocumentFormat.UNKNOWN;
    }

    /**
     * What bytes that {@link #sniff} calls {@link DocumentFormat#UNKNOWN} look like, for a refusal that says why:
     * "a PNG image", "a zip archive that is not ...", "binary data or text that is not UTF-8 (byte 0x9C at offset 0;
     * first bytes ...)".
     */
    public static String explain(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            return "no bytes";
        }
        if (startsWith(content, ZIP_LOCAL_HEADER, 0)) {
            if (indexOf(content, OOXML_CONTENT_TYPES, 0, content.length) >= 0) {
                return "an Office Open XML package that is not a Word document (no word/document.xml)";
            }
            return indexOf(content, ODF_MIMETYPE_NAME, 0, content.length) >= 0
                    ? "an OpenDocument package that is not a text document (.odt)"
                    : "a zip archive that is not a Word (.docx) or OpenDocument text (.odt) document";
        }
        if (OleFiles.isOle(content)) {
            return OleFiles.describeNonWord(OleFiles.entryNames(content));
        }
        Signature known = notText(content);
        if (known != null) {
            return known.description();
        }
        TextScan text = TextScan.of(content);
        if (text.malformedAt() >= 0) {
            return "binary data or text that is not UTF-8 (byte 0x%02X at offset %d; first bytes %s)"
                    .formatted(content[text.malformedAt()] & 0xFF, text.malformedAt(), firstBytes(content));
        }
        if (text.nul()) {
            return "binary data (contains NUL bytes; first bytes %s)".formatted(firstBytes(content));
        }
        return "text with too many control characters or nothing visible (first bytes %s)"
                .formatted(firstBytes(content));
    }

    private record Signature(byte[] magic, String description) {
    }

    private static Signature notText(byte[] content) {
        return NOT_TEXT.stream().filter(s -> startsWith(content, s.magic(), 0)).findFirst().orElse(null);
    }

    private static String firstBytes(byte[] content) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(content, 0, Math.min(8, content.length));
    }

    /** A zip is a Word document when a local or central directory entry is named word/document.xml. */
    private static boolean holdsWordDocument(byte[] zip) {
        // read the names from the headers only: decompressing entries here would expose the sniffer to zip bombs
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (startsWith(zip, ZIP_LOCAL_HEADER, i) && nameAt(zip, i + 26, i + 30)) {
                return true;
            }
            if (startsWith(zip, ZIP_CENTRAL_HEADER, i) && nameAt(zip, i + 28, i + 46)) {
                return true;
            }
        }
        return false;
    }

    /** The first entry is an uncompressed "mimetype" naming an OpenDocument text (or its template). */
    private static boolean isOpenDocumentText(byte[] zip) {
        if (zip.length < 30) {
            return false;
        }
        int method = (zip[8] & 0xff) | (zip[9] & 0xff) << 8;
        int nameLength = (zip[26] & 0xff) | (zip[27] & 0xff) << 8;
        int extraLength = (zip[28] & 0xff) | (zip[29] & 0xff) << 8;
        return method == 0 && nameLength == ODF_MIMETYPE_NAME.length && startsWith(zip, ODF_MIMETYPE_NAME, 30)
                && startsWith(zip, ODF_TEXT, 30 + nameLength + extraLength);
    }

    private static boolean nameAt(byte[] zip, int lengthOffset, int nameOffset) {
        if (lengthOffset + 2 > zip.length) {
            return false;
        }
        int length = (zip[lengthOffset] & 0xff) | (zip[lengthOffset + 1] & 0xff) << 8;
        return length == WORD_DOCUMENT.length && nameOffset + length <= zip.length
                && startsWith(zip, WORD_DOCUMENT, nameOffset);
    }

    /** HTML or XML when the first thing after a BOM, whitespace, comments and a prolog is an element; else null. */
    private static DocumentFormat sniffMarkup(byte[] content) {
        int end = Math.min(content.length, MARKUP_WINDOW);
        // ASCII-compatible view: markup names are ASCII in every encoding official sources use (UTF-8, Latin-1)
        String head = new String(content, 0, end, StandardCharsets.ISO_8859_1);
        int i = head.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        boolean sawProlog = false;
        while (true) {
            i = skipWhitespace(head, i);
            if (i >= head.length() || head.charAt(i) != '<') {
                return sawProlog ? DocumentFormat.XML : null;
            }
            if (head.startsWith("<?", i)) {
                sawProlog = true;
                int close = head.indexOf("?>", i);
                if (close < 0) {
                    return DocumentFormat.XML;
                }
                i = close + 2;
            } else if (head.startsWith("<!--", i)) {
                int close = head.indexOf("-->", i);
                if (close < 0) {
                    return sawProlog ? DocumentFormat.XML : null;
                }
                i = close + 3;
            } else if (head.regionMatches(true, i, "<!doctype", 0, 9)) {
                String doctype = head.substring(i + 9, Math.min(head.length(), i + 64)).strip().toLowerCase(Locale.ROOT);
                if (doctype.startsWith("html")) {
                    return DocumentFormat.HTML;
                }
                sawProlog = true;
                int close = head.indexOf('>', i);
                if (close < 0) {
                    return DocumentFormat.XML;
                }
                // an internal subset ends with "]>"; skip past it when present
                int subset = head.indexOf('[', i);
                if (subset >= 0 && subset < close) {
                    int subsetEnd = head.indexOf("]>", subset);
                    close = subsetEnd < 0 ? head.length() - 1 : subsetEnd + 1;
                }
                i = close + 1;
            } else {
                String name = elementName(head, i + 1);
                if (name.isEmpty()) {
                    return sawProlog ? DocumentFormat.XML : null;
                }
                String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
                if (local.equals("html") || (!sawProlog && HTML_ROOTS.contains(local))) {
                    return DocumentFormat.HTML;
                }
                return DocumentFormat.XML;
            }
        }
    }

    private static String elementName(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || c == ':' || (i > from && (Character.isDigit(c) || c == '-' || c == '.'));
            if (!ok) {
                break;
            }
            i++;
        }
        return s.substring(from, i);
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] data, byte[] prefix, int at) {
        if (at < 0 || at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] needle, int from, int to) {
        for (int i = from; i + needle.length <= to; i++) {
            if (startsWith(data, needle, i)) {
                return i;
            }
        }
        return -1;
    }
}
