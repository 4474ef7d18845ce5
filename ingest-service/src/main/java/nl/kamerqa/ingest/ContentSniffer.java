package nl.kamerqa.ingest;

import nl.kamerqa.ingest.DocumentRejectedException.Reason;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Tells the real media type of a document from its bytes; what a source declares is not trusted.
 * Recognised: PDF, Word (.docx), XML, HTML and UTF-8 plain text. Anything else is refused.
 */
public final class ContentSniffer {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XML = "application/xml";
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    // markup is recognised from its start; comments and processing instructions before the root are skipped
    private static final int MARKUP_WINDOW = 64 * 1024;

    private ContentSniffer() {
    }

    /**
     * @return one of {@link #PDF}, {@link #DOCX}, {@link #XML}, {@link #HTML}, {@link #TEXT}
     * @throws DocumentRejectedException (UNSUPPORTED) with "unsupported content: ..." saying what the bytes look like
     */
    public static String sniff(byte[] bytes) {
        if (bytes.length == 0) {
            throw unsupported("no bytes");
        }
        if (startsWith(bytes, 0, "%PDF-")) {
            return PDF;
        }
        if (startsWith(bytes, 0, "PK\u0003\u0004")) {
            return zip(bytes);
        }
        String known = knownBinary(bytes);
        if (known != null) {
            throw unsupported(known);
        }
        int start = startsWith(bytes, 0, "\u00EF\u00BB\u00BF") ? 3 : 0; // UTF-8 byte order mark
        String markup = markup(bytes, start);
        if (markup != null) {
            return markup;
        }
        return text(bytes, start);
    }

    private static String zip(byte[] bytes) {
        // entry names are stored uncompressed in the local headers and the central directory
        if (contains(bytes, "word/document.xml")) {
            return DOCX;
        }
        if (contains(bytes, "[Content_Types].xml")) {
            throw unsupported("an Office Open XML package that is not a Word document (no word/document.xml)");
        }
        throw unsupported("a zip archive that is not a Word document (.docx)");
    }

    private static String knownBinary(byte[] b) {
        if (startsWith(b, 0, "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1")) {
            return "a legacy Office/OLE file (e.g. .doc); convert it to .docx or PDF";
        }
        if (startsWith(b, 0, "\u0089PNG")) {
            return "a PNG image";
        }
        if (startsWith(b, 0, "\u00FF\u00D8\u00FF")) {
            return "a JPEG image";
        }
        if (startsWith(b, 0, "GIF8")) {
            return "a GIF image";
        }
        if (startsWith(b, 0, "\u001F\u008B")) {
            return "gzip-compressed data";
        }
        if (startsWith(b, 0, "{\\rtf")) {
            return "an RTF document; convert it to .docx or PDF";
        }
        if (startsWith(b, 0, "\u00FE\u00FF") || startsWith(b, 0, "\u00FF\u00FE")) {
            return "UTF-16 text; send it as UTF-8";
        }
        return null;
    }

    /** XML or HTML by the first thing that is not whitespace, a comment, an XML declaration or a processing instruction. */
    private static String markup(byte[] b, int from) {
        int end = Math.min(b.length, from + MARKUP_WINDOW);
        // ISO-8859-1 maps every byte to one char, so ASCII markers are found whatever the document's own encoding
        String head = new String(b, from, end - from, StandardCharsets.ISO_8859_1);
        String lower = head.toLowerCase(Locale.ROOT);
        boolean xmlDeclaration = false;
        int i = 0;
        while (true) {
            i = skipWhitespace(lower, i);
            if (lower.startsWith("<?xml", i)) {
                xmlDeclaration = true;
            }
            if (lower.startsWith("<?", i)) {
                i = after(lower, i, "?>");
            } else if (lower.startsWith("<!--", i)) {
                i = after(lower, i, "-->");
            } else {
                break;
            }
            if (i < 0) {
                // window ends inside a comment or instruction: only an XML declaration is certain
                return xmlDeclaration ? XML : null;
            }
        }
        if (lower.startsWith("<!doctype html", i) || isTag(lower, i, "html") || isTag(lower, i, "head")
                || isTag(lower, i, "body")) {
            return HTML;
        }
        if (lower.startsWith("<!doctype", i) || (lower.startsWith("<", i) && i + 1 < lower.length()
                && isNameStart(lower.charAt(i + 1)))) {
            return XML;
        }
        return xmlDeclaration ? XML : null;
    }

    private static String text(byte[] b, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
        CharBuffer out = CharBuffer.allocate(8192);
        // decode in chunks: validates all of a large document without holding it as a String
        CoderResult result;
        do {
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                int at = in.position();
                throw unsupported("binary data or text that is not UTF-8 (byte 0x%02X at offset %d; first bytes %s)"
                        .formatted(b[at] & 0xFF, at, firstBytes(b)));
            }
            out.flip();
            for (int k = 0; k < out.length(); k++) {
                if (out.charAt(k) == '\u0000') {
                    throw unsupported("binary data (contains NUL bytes; first bytes %s)".formatted(firstBytes(b)));
                }
            }
            out.clear();
        } while (result.isOverflow());
        return TEXT;
    }

    private static boolean isTag(String s, int at, String name) {
        if (!s.startsWith("<" + name, at)) {
            return false;
        }
        int next = at + 1 + name.length();
        return next >= s.length() || " \t\r\n>/".indexOf(s.charAt(next)) >= 0;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || c == '_' || c == ':';
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int after(String s, int from, String end) {
        int at = s.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    private static boolean startsWith(byte[] b, int offset, String latin1) {
        if (b.length - offset < latin1.length()) {
            return false;
        }
        for (int i = 0; i < latin1.length(); i++) {
            if ((b[offset + i] & 0xFF) != latin1.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String firstBytes(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b, 0, Math.min(8, b.length));
    }

    private static DocumentRejectedException unsupported(String what) {
        return new DocumentRejectedException(Reason.UNSUPPORTED, "unsupported content: " + what);
    }
}
