package nl.kamerqa.ingest;

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
