package nl.kamerqa.ingest;

import nl.kamerqa.ingest.DocumentRejectedException.Reason;
import nl.kamerqa.parser.format.FormatSniffer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Tells the real media type of a document from its bytes; what a source declares is not trusted. Which format the
 * bytes are is decided by qa-parser's {@link FormatSniffer}, the same sniffer parser-service's parser uses, so a
 * document is accepted here exactly when the parser will know how to read it: PDF, Word (.docx), OpenDocument text
 * (.odt), XML, HTML and UTF-8 plain text. Anything else is refused with what the bytes look like.
 */
public final class ContentSniffer {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String XML = "application/xml";
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    private ContentSniffer() {
    }

    /**
     * @return one of {@link #PDF}, {@link #DOCX}, {@link #ODT}, {@link #XML}, {@link #HTML}, {@link #TEXT}
     * @throws DocumentRejectedException (UNSUPPORTED) with "unsupported content: ..." saying what the bytes look like
     */
    public static String sniff(byte[] bytes) {
        return switch (FormatSniffer.sniff(bytes)) {
            case PDF -> PDF;
            case DOCX -> DOCX;
            case ODT -> ODT;
            case XML -> XML;
            case HTML -> HTML;
            case PLAIN_TEXT -> TEXT;
            case UNKNOWN -> throw unsupported(whyUnknown(bytes));
        };
    }

    /** What bytes the sniffer could not place look like, for the client's 415. */
    private static String whyUnknown(byte[] bytes) {
        if (bytes.length == 0) {
            return "no bytes";
        }
        if (startsWith(bytes, 0, "PK\u0003\u0004")) {
            return zip(bytes);
        }
        String known = knownBinary(bytes);
        if (known != null) {
            return known;
        }
        int start = startsWith(bytes, 0, "\u00EF\u00BB\u00BF") ? 3 : 0; // UTF-8 byte order mark
        String notText = notText(bytes, start);
        return notText != null ? notText
                : "text with too many control characters or nothing visible (first bytes %s)".formatted(firstBytes(bytes));
    }

    private static String zip(byte[] bytes) {
        // entry names are stored uncompressed in the local headers and the central directory
        if (contains(bytes, "[Content_Types].xml")) {
            return "an Office Open XML package that is not a Word document (no word/document.xml)";
        }
        if (contains(bytes, "mimetype")) {
            return "an OpenDocument package that is not a text document (.odt)";
        }
        return "a zip archive that is not a Word (.docx) or OpenDocument text (.odt) document";
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

    /** Why the bytes are not UTF-8 text, or null when they are. */
    private static String notText(byte[] b, int from) {
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
                return "binary data or text that is not UTF-8 (byte 0x%02X at offset %d; first bytes %s)"
                        .formatted(b[at] & 0xFF, at, firstBytes(b));
            }
            out.flip();
            for (int k = 0; k < out.length(); k++) {
                if (out.charAt(k) == '\u0000') {
                    return "binary data (contains NUL bytes; first bytes %s)".formatted(firstBytes(b));
                }
            }
            out.clear();
        } while (result.isOverflow());
        return null;
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
