package nl.kamerqa.ingest;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small documents of each kind, made here so the tests need no binary fixtures. */
public final class Samples {

    private Samples() {
    }

    /** A short Kamervragen text, unique per call so tests do not see each other's content as duplicates. */
    public static byte[] uniqueKamervragenText() {
        return ("""
                Vragen van het lid Jansen (D66) aan de minister van Binnenlandse Zaken over de gemeentefinanciën \
                (ingezonden %s).

                Vraag 1
                Bent u bekend met het bericht „Gemeenten in geldnood”?

                Antwoord vraag 1
                Ja.
                """).formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] minimalPdf() {
        return ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + UUID.randomUUID() + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] pngImage() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    public static byte[] wordDocument() {
        return zip("[Content_Types].xml", "word/document.xml");
    }

    /**
     * What ingest checks of a Word 97-2003 file: an OLE2 compound file holding a WordDocument stream (and its table
     * stream), written by POI; unique per call. Whether its text can be read is the parser's business.
     */
    public static byte[] word97Document() {
        return oleFile("WordDocument", "1Table");
    }

    /** A real Excel 97-2003 workbook (.xls), written by POI: an OLE2 file, but no Word document. */
    public static byte[] excelWorkbook() {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            workbook.createSheet("Vragen").createRow(0).createCell(0).setCellValue("Vraag 1");
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] oleFile(String... streams) {
        try (POIFSFileSystem ole = new POIFSFileSystem(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            for (String stream : streams) {
                ole.createDocument(new ByteArrayInputStream((stream + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)),
                        stream);
            }
            ole.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] spreadsheet() {
        return zip("[Content_Types].xml", "xl/workbook.xml");
    }

    public static byte[] plainZip() {
        return zip("readme.txt");
    }

    private static byte[] zip(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
