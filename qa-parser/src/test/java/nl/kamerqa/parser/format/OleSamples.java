package nl.kamerqa.parser.format;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** OLE2 compound files that are no Word document, and a Word document with a forged directory, made by POI. */
public final class OleSamples {

    private OleSamples() {
    }

    /** A real Excel 97-2003 workbook (.xls) with one cell. */
    public static byte[] excelWorkbook() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Vragen").createRow(0).createCell(0).setCellValue("Vraag 1");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** An OLE2 file holding a small stream under each name. */
    public static byte[] withStreams(String... names) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String name : names) {
                fs.createDocument(new ByteArrayInputStream("Vraag 1".repeat(1000).getBytes(StandardCharsets.US_ASCII)),
                        name);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** {@code ole} with the directory entry of stream {@code name} claiming {@code size} bytes ([MS-CFB] 2.6.1). */
    public static byte[] withClaimedStreamSize(byte[] ole, String name, int size) {
        byte[] forged = ole.clone();
        byte[] utf16 = (name + "\0").getBytes(StandardCharsets.UTF_16LE);
        for (int at = 512; at + 128 <= forged.length; at += 128) {
            if (java.util.Arrays.equals(forged, at, at + utf16.length, utf16, 0, utf16.length)) {
                for (int i = 0; i < 4; i++) {
                    forged[at + 120 + i] = (byte) (size >>> (8 * i));
                }
                return forged;
            }
        }
        throw new IllegalArgumentException("no directory entry " + name);
    }

    /**
     * A Word 97 file whose piece table is replaced by {@code pieces} pieces of {@code length} characters that all
     * point at the same bytes of its WordDocument stream: a few hundred KB that HWPF would make into pieces × length
     * characters. The new piece table is appended to the table stream and the FIB's fcClx/lcbClx point at it.
     */
    public static byte[] docWithRepeatedPieces(byte[] doc, int pieces, int length) throws IOException {
        try (POIFSFileSystem source = new POIFSFileSystem(new ByteArrayInputStream(doc));
             POIFSFileSystem forged = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DirectoryNode root = source.getRoot();
            byte[] word = bytes(root, "WordDocument");
            ByteBuffer fib = ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN);
            String tableName = (fib.getShort(10) & 0x0200) != 0 ? "1Table" : "0Table";
            byte[] table = bytes(root, tableName);
            ByteBuffer clx = ByteBuffer.allocate(5 + (pieces + 1) * 4 + pieces * 8).order(ByteOrder.LITTLE_ENDIAN);
            clx.put((byte) 2).putInt((pieces + 1) * 4 + pieces * 8);
            for (int i = 0; i <= pieces; i++) {
                clx.putInt(i * length);
            }
            for (int i = 0; i < pieces; i++) {
                clx.putShort((short) 0).putInt(1024 * 2 | 0x40000000).putShort((short) 0); // 8-bit text at byte 1024
            }
            byte[] newTable = java.util.Arrays.copyOf(table, table.length + clx.capacity());
            System.arraycopy(clx.array(), 0, newTable, table.length, clx.capacity());
            fib.putInt(0x01A2, table.length).putInt(0x01A6, clx.capacity()); // fcClx, lcbClx of a Word 97 FIB
            for (Entry entry : root) {
                if (entry instanceof DocumentEntry) {
                    String name = entry.getName();
                    byte[] content = name.equals("WordDocument") ? word : name.equals(tableName) ? newTable
                            : bytes(root, name);
                    forged.createDocument(new ByteArrayInputStream(content), name);
                }
            }
            forged.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] bytes(DirectoryNode root, String name) throws IOException {
        try (var in = root.createDocumentInputStream(name)) {
            return in.readAllBytes();
        }
    }
}
