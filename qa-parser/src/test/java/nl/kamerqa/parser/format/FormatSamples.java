package nl.kamerqa.parser.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The public sample documents under src/test/resources/formats, by what they are. */
public final class FormatSamples {

    private FormatSamples() {
    }

    /** Kamervragen 2023–2024 nr. 1786: 6 pages, 15 questions (10 and 11 answered together), 16 footnotes. */
    public static byte[] kamervragenPdfWithSixteenFootnotes() {
        return resource("ah-tk-20232024-1786.pdf");
    }

    /** Kamervragen 2014–2015 nr. 698: 3 pages, "Vraag 2 en 3" in one block, 4 footnotes, markers "?1, 2". */
    public static byte[] kamervragenPdfWithCombinedQuestions() {
        return resource("ah-tk-20142015-698.pdf");
    }

    /** Kamervragen 2023–2024 nr. 1999: 1 page, no answers but a Mededeling, 1 footnote, footer without number. */
    public static byte[] kamervragenPdfWithoutAnswers() {
        return resource("ah-tk-20232024-1999.pdf");
    }

    /** A ministry's answer letter in Word: letterhead tables, ten questions, typed notes 1) 2), one Word footnote. */
    public static byte[] answerLetterDocx() {
        return resource("antwoord-brandweer-0900.docx");
    }

    /** The same answer letter as Word 97-2003 (.doc), converted by LibreOffice (see formats/README.md). */
    public static byte[] answerLetterDoc() {
        return resource("antwoord-brandweer-0900.doc");
    }

    /** Official publication XML of nr. 1786, written after the real element names. */
    public static byte[] kamervragenXml() {
        return resource("ah-tk-20232024-1786.xml");
    }

    /** Official publication XML of a schriftelijk overleg (kst-36200-VII-147), a fragment of parties VVD, D66, CDA. */
    public static byte[] schriftelijkOverlegXml() {
        return resource("kst-36200-VII-147.xml");
    }

    /** The zoek.officielebekendmakingen.nl page of nr. 698. */
    public static byte[] kamervragenHtml() {
        return resource("ah-tk-20142015-698.html");
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip holding the given entries (name, content) — stored as written, deflated. */
    public static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i + 1 < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(utf8(namesAndContents[i + 1]));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A minimal Word document: its content types, a body with "Vraag 1", and {@code mediaEntries} entries of
     * {@code mediaSize} bytes each that inflate about 20:1, so each passes POI's own limits (100:1, 100 MB per entry).
     */
    public static byte[] docxWithMedia(int mediaEntries, int mediaSize) {
        byte[] media = new byte[mediaSize];
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < media.length; i++) {
            media[i] = i % 64 < 2 ? (byte) ('a' + random.nextInt(26)) : (byte) ' ';
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(utf8(DOCX_CONTENT_TYPES));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(utf8("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + "<w:p><w:r><w:t>Vraag 1</w:t></w:r></w:p></w:body></w:document>"));
            for (int i = 0; i < mediaEntries; i++) {
                zip.putNextEntry(new ZipEntry("word/media/image" + i + ".bin"));
                zip.write(media);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The [Content_Types].xml that makes POI take a zip for a Word document. */
    public static final String DOCX_CONTENT_TYPES = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
            + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    /** An officiele-publicatie whose DTD nests ten levels of ten entities (10^10 "lol"s if expanded). */
    public static String billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie [\n"
                + " <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 10; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return xml.append("]>\n<officiele-publicatie><kamervragen><vraag><al>&lol10;</al></vraag></kamervragen>"
                + "</officiele-publicatie>").toString();
    }

    public static byte[] resource(String name) {
        try (InputStream in = FormatSamples.class.getResourceAsStream("/formats/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource formats/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
