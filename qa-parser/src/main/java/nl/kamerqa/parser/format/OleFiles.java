package nl.kamerqa.parser.format;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * OLE2 compound files, the container of the legacy Office formats (Word 97-2003 .doc, Excel .xls, PowerPoint .ppt,
 * Outlook .msg, and password-protected .docx): their signature, the names of the entries they hold, and what a file
 * that is no Word document is instead. Reads the directory from the raw bytes, without following sector chains, so it
 * never allocates by what a (possibly hostile) header claims.
 */
public final class OleFiles {

    /** The stream every Word 97-2003 document holds ([MS-DOC] 2.1.1). */
    static final String WORD_STREAM = "WordDocument";

    private static final byte[] SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
            0x1A, (byte) 0xE1};
    // convention ([MS-CFB] 2.6.1): directory entries are 128 bytes in sectors of 512 or 4096 bytes after the 512-byte
    // header, so each starts at a multiple of 128; name (UTF-16LE, 64 bytes), its length in bytes with the closing NUL
    // at 64, the object type (1 storage, 2 stream, 5 root) at 66, the colour (0 red, 1 black) at 67
    private static final int ENTRY = 128;
    private static final int HEADER = 512;

    private OleFiles() {
    }

    public static boolean isOle(byte[] content) {
        if (content.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (content[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** An OLE2 file that holds a WordDocument stream: a Word 97-2003 document (or a Word 6/95 one). */
    public static boolean isWordDocument(byte[] content) {
        return isOle(content) && entryNames(content).contains(WORD_STREAM);
    }

    /**
     * The names of the storages and streams in the file's directory sectors (found where directory entries may
     * start and look like one), in file order.
     */
    public static Set<String> entryNames(byte[] content) {
        Set<String> names = new LinkedHashSet<>();
        for (int at = HEADER; at + ENTRY <= content.length; at += ENTRY) {
            int length = (content[at + 64] & 0xff) | (content[at + 65] & 0xff) << 8;
            int type = content[at + 66];
            int colour = content[at + 67];
            boolean entry = length >= 4 && length <= 64 && length % 2 == 0 && (type == 1 || type == 2 || type == 5)
                    && (colour == 0 || colour == 1) && content[at + length - 2] == 0 && content[at + length - 1] == 0;
            if (entry) {
                names.add(new String(content, at, length - 2, StandardCharsets.UTF_16LE));
            }
        }
        return names;
    }

    /**
     * What an OLE2 file without a WordDocument stream is, for a refusal that says why: "an Excel workbook (.xls)",
     * "a password-protected Office document", ...
     */
    public static String describeNonWord(Set<String> names) {
        if (names.contains("EncryptedPackage")) {
            return "a password-protected (encrypted) Office document; save it without a password";
        }
        String kind;
        if (names.contains("Workbook") || names.contains("Book")) {
            kind = "an Excel workbook (.xls)";
        } else if (names.contains("PowerPoint Document")) {
            kind = "a PowerPoint presentation (.ppt)";
        } else if (names.stream().anyMatch(n -> n.startsWith("__substg1.0_") || n.startsWith("__properties_version"))) {
            kind = "an Outlook message (.msg)";
        } else {
            kind = "no WordDocument stream";
        }
        return "a legacy Office/OLE file that is no Word 97-2003 document (" + kind + "); only Word documents are read";
    }
}
