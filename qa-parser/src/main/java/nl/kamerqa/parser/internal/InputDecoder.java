package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.UnsupportedDocumentException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes into text, refusing what is not text (PDF and Office files have their own readers; other binary data,
 * invalid UTF-8) with a message naming the problem. UTF-16 with a byte-order mark is read too.
 */
public final class InputDecoder {

    private static final double MAX_CONTROL_SHARE = 0.005;

    private InputDecoder() {
    }

    public static String decode(byte[] content) {
        if (startsWith(content, 0x25, 0x50, 0x44, 0x46)) {
            throw new UnsupportedDocumentException("PDF is not text: give its bytes to QaParser.parse");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            throw new UnsupportedDocumentException("a zip archive that is no Word (.docx) or OpenDocument text (.odt) document");
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnsupportedDocumentException(
                    "a legacy Office/OLE file that is no Word 97-2003 document (.doc): only Word documents are read");
        }
        String text;
        if (startsWith(content, 0xFE, 0xFF) || startsWith(content, 0xFF, 0xFE)) {
            text = strict(content, StandardCharsets.UTF_16, "UTF-16");
        } else {
            text = strict(content, StandardCharsets.UTF_8, "UTF-8");
        }
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new UnsupportedDocumentException("input looks binary: it contains NUL characters");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B) {
                controls++;
            }
        }
        if (controls > MAX_CONTROL_SHARE * text.length() + 2) {
            throw new UnsupportedDocumentException("input looks binary: " + controls + " control characters");
        }
        return text;
    }

    /**
     * Text the format sniffer could not place: UTF-16 with a byte-order mark is read; anything else is refused with
     * the reason (empty, only whitespace, binary, a zip that is no Word file, invalid UTF-8).
     */
    public static String decodeUnknown(byte[] content) {
        if (content.length == 0) {
            throw new UnsupportedDocumentException("empty document: no bytes");
        }
        String text = decode(content);
        if (text.isBlank() || text.strip().equals("\uFEFF")) {
            throw new UnsupportedDocumentException("empty document: only whitespace");
        }
        if (!startsWith(content, 0xFE, 0xFF) && !startsWith(content, 0xFF, 0xFE)) {
            throw new UnsupportedDocumentException("input looks binary: too many control characters for text");
        }
        return text;
    }

    private static String strict(byte[] content, Charset charset, String name) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnsupportedDocumentException("input is not valid " + name + " text", e);
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
