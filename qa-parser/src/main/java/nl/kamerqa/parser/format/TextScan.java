package nl.kamerqa.parser.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether bytes are plain text, for {@code FormatSniffer}: one pass over them taken as UTF-8, decoded in chunks so a
 * large upload is checked whole without holding it as characters; it stops at the first malformed byte or NUL.
 *
 * @param malformedAt offset of the first byte that is not UTF-8, or -1
 */
public record TextScan(int malformedAt, boolean nul, long chars, long controls, boolean visible) {

    /** Valid UTF-8, no NULs, hardly any other control characters, and something besides whitespace. */
    public boolean isPlainText() {
        // a stray control character in real text happens; many mean binary data that happens to be valid UTF-8
        return malformedAt < 0 && !nul && visible && controls * 100L <= chars;
    }

    public static TextScan of(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer chunk = CharBuffer.allocate(8192);
        long chars = 0;
        long controls = 0;
        boolean visible = false;
        CoderResult result;
        do {
            result = decoder.decode(in, chunk, true);
            if (result.isError()) {
                return new TextScan(in.position(), false, chars, controls, visible);
            }
            chunk.flip();
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == 0) {
                    return new TextScan(-1, true, chars, controls, visible);
                }
                // tab, line and page breaks, and the vertical tab Word exports use for a manual line break, are text
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\u000B' || c == 0x7f) {
                    controls++;
                } else if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    visible = true;
                }
            }
            chars += chunk.length();
            chunk.clear();
        } while (result.isOverflow());
        return new TextScan(-1, false, chars, controls, visible);
    }
}
