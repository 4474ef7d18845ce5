package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashSet;

/**
 * Checks an OLE2 file before HWPF reads it, which HWPF does whole and into memory: a Word document, not encrypted,
 * and nothing in it claiming more than the file can hold. Two claims HWPF would act on: a stream's size in the
 * directory, and the piece table's character count. Pieces may point at the same bytes, so a 150 KB file can make
 * HWPF build hundreds of millions of characters; a real document stores each character once, so it never has more
 * characters than its WordDocument stream has bytes.
 */
final class DocGuard {

    // FibBase ([MS-DOC] 2.5.2): the flags at offset 10: bit 8 fEncrypted, bit 9 fWhichTblStm (1Table or 0Table)
    private static final int FIB_FLAGS = 10;
    // Fib ([MS-DOC] 2.5.1): FibBase (32 bytes), csw and fibRgW (csw shorts), cslw and fibRgLw (cslw ints), cbRgFcLcb,
    // then fc/lcb pairs; the 34th pair (FibRgFcLcb97) is fcClx/lcbClx, where the table stream keeps the piece table
    private static final int FIB_BASE = 32;
    private static final int CLX_PAIR = 33;
    private static final int FIB_READ = 1024;
    // Clx ([MS-DOC] 2.9.38): Prc entries (0x01, a 2-byte size, properties), then the Pcdt (0x02, a 4-byte size, PlcPcd)
    private static final int PRC = 0x01;
    private static final int PCDT = 0x02;

    private DocGuard() {
    }

    static void check(DirectoryNode root, int fileLength) throws IOException {
        if (!root.hasEntry(OleFiles.WORD_STREAM)) {
            throw new UnsupportedDocumentException(OleFiles.describeNonWord(new LinkedHashSet<>(root.getEntryNames())));
        }
        for (Entry entry : root) {
            if (entry instanceof DocumentEntry stream && stream.getSize() > fileLength) {
                throw new UnsupportedDocumentException("Word 97-2003 document is corrupt: stream " + stream.getName()
                        + " claims " + stream.getSize() + " bytes in a file of " + fileLength);
            }
        }
        DocumentEntry word = (DocumentEntry) root.getEntry(OleFiles.WORD_STREAM);
        ByteBuffer fib;
        try (DocumentInputStream in = root.createDocumentInputStream(word)) {
            fib = ByteBuffer.wrap(in.readNBytes(FIB_READ)).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (fib.limit() < FIB_BASE + 2) {
            return; // HWPF refuses a stream too short for a FIB
        }
        int flags = fib.getShort(FIB_FLAGS) & 0xffff;
        if ((flags & 0x0100) != 0) {
            throw encrypted();
        }
        String table = (flags & 0x0200) != 0 ? "1Table" : "0Table";
        int cslwAt = FIB_BASE + 2 + (fib.getShort(FIB_BASE) & 0xffff) * 2;
        int cslw = cslwAt + 2 <= fib.limit() ? fib.getShort(cslwAt) & 0xffff : 0;
        int clxPair = cslwAt + 2 + cslw * 4 + 2 + CLX_PAIR * 8;
        if (clxPair + 8 <= fib.limit() && root.hasEntry(table)) {
            long characters = pieceTableCharacters(root, (DocumentEntry) root.getEntry(table),
                    fib.getInt(clxPair) & 0xffffffffL, fib.getInt(clxPair + 4) & 0xffffffffL);
            if (characters > word.getSize()) {
                throw new UnsupportedDocumentException("Word 97-2003 document is corrupt or a bomb: its text pieces "
                        + "claim " + characters + " characters, more than the " + word.getSize()
                        + " bytes of its WordDocument stream");
            }
        }
    }

    static UnsupportedDocumentException encrypted() {
        return new UnsupportedDocumentException("Word 97-2003 document is password-protected (encrypted); "
                + "save it without a password");
    }

    /** The last character position of the piece table; 0 when there is none to read (HWPF then decides). */
    private static long pieceTableCharacters(DirectoryNode root, DocumentEntry table, long fcClx, long lcbClx)
            throws IOException {
        if (lcbClx < 5 || fcClx + lcbClx > table.getSize()) {
            return 0;
        }
        ByteBuffer clx;
        try (DocumentInputStream in = root.createDocumentInputStream(table)) {
            in.skipNBytes(fcClx);
            clx = ByteBuffer.wrap(in.readNBytes((int) lcbClx)).order(ByteOrder.LITTLE_ENDIAN);
        }
        int at = 0;
        while (at + 3 <= clx.limit() && clx.get(at) == PRC) {
            at += 3 + Math.max(0, clx.getShort(at + 1));
        }
        if (at + 5 > clx.limit() || clx.get(at) != PCDT) {
            return 0;
        }
        long lcb = clx.getInt(at + 1) & 0xffffffffL;
        long lastCp = at + 5 + (lcb - 4) / 12 * 4;
        return lcb < 16 || lastCp + 4 > clx.limit() ? 0 : clx.getInt((int) lastCp) & 0xffffffffL;
    }
}
