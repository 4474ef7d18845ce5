package nl.kamerqa.parser.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The public sample documents under src/test/resources/formats, by what they are. */
final class FormatSamples {

    private FormatSamples() {
    }

    /** Kamervragen 2023–2024 nr. 1786: 6 pages, 15 questions (10 and 11 answered together), 16 footnotes. */
    static byte[] kamervragenPdfWithSixteenFootnotes() {
        return resource("ah-tk-20232024-1786.pdf");
    }

    /** Kamervragen 2014–2015 nr. 698: 3 pages, "Vraag 2 en 3" in one block, 4 footnotes, markers "?1, 2". */
    static byte[] kamervragenPdfWithCombinedQuestions() {
        return resource("ah-tk-20142015-698.pdf");
    }

    /** Kamervragen 2023–2024 nr. 1999: 1 page, no answers but a Mededeling, 1 footnote, footer without number. */
    static byte[] kamervragenPdfWithoutAnswers() {
        return resource("ah-tk-20232024-1999.pdf");
    }

    /** A ministry's answer letter in Word: letterhead tables, ten questions, typed notes 1) 2), one Word footnote. */
    static byte[] answerLetterDocx() {
        return resource("antwoord-brandweer-0900.docx");
    }

    /** Official publication XML of nr. 1786, written after the real element names. */
    static byte[] kamervragenXml() {
        return resource("ah-tk-20232024-1786.xml");
    }

    /** Official publication XML of a schriftelijk overleg (kst-36200-VII-147), a fragment of parties VVD, D66, CDA. */
    static byte[] schriftelijkOverlegXml() {
        return resource("kst-36200-VII-147.xml");
    }

    /** The zoek.officielebekendmakingen.nl page of nr. 698. */
    static byte[] kamervragenHtml() {
        return resource("ah-tk-20142015-698.html");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip holding the given entries (name, content) — stored as written, deflated. */
    static byte[] zip(String... namesAndContents) {
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

    static byte[] resource(String name) {
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
