package nl.kamerqa.parser.format;

import nl.kamerqa.parser.FormatSniffer;
import nl.kamerqa.parser.DocumentFormat;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedLine;
import nl.kamerqa.parser.extracted.LineRole;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocxTextExtractorTest {

    private static final String TEXT = DocxTextExtractor.extract(FormatSamples.answerLetterDocx());
    private static final List<String> LINES = Arrays.asList(TEXT.split("\n", -1));

    @Test
    void everyParagraphIsOneLineWithABlankLineBetween() {
        assertThat(TEXT).contains("\n\nVraag 1\n\nBent u bekend met het feit dat de KPN momenteel eigenaar is van het "
                + "niet-noodgevallen nummer 0900-0904 van de brandweer?\n\nAntwoord op vraag 1\n\nKPN is geen eigenaar");
        assertThat(TEXT).doesNotContain("\n\n\n");
        assertThat(TEXT).endsWith("\n");
    }

    @Test
    void bodyAfterTheLetterheadIsWhatPandocPlainGives() {
        // antwoord-brandweer-0900.pandoc.txt: `pandoc -t plain --wrap=none` (2.17) of the same file; pandoc draws
        // the letterhead tables as grids where we give their cells as paragraphs, after them the two must agree
        String pandoc = new String(FormatSamples.resource("antwoord-brandweer-0900.pandoc.txt"), StandardCharsets.UTF_8);
        String from = "D. Yeşilgöz-Zegerius\n";

        assertThat(TEXT.substring(TEXT.indexOf(from))).isEqualTo(pandoc.substring(pandoc.indexOf(from)));
    }

    @Test
    void questionAndAnswerHeadingsStandOnTheirOwnLines() {
        IntStream.rangeClosed(1, 10).forEach(n -> assertThat(LINES).containsOnlyOnce("Vraag " + n));
        assertThat(LINES).contains("Antwoord op vraag 1", "Antwoord op vragen 2 en 3", "Antwoord op vragen 4 en 5",
                "Antwoord op vraag 6", "Antwoord op vragen 7, 8, en 9", "Antwoord op vraag 10");
    }

    @Test
    void theThreeFootnotesComeOutAsPandocWritesThem() {
        // two typed notes "1)" and "2)", their texts a numbered list at the end, and one real Word footnote
        assertThat(TEXT).contains("commerciële tarieven vraagt? 1)", "meldingen kunnen delen? 2)");
        assertThat(LINES).contains("1)  Geen spoed wel brandweer – Brandweer",
                "2)  Contact marechaussee | Koninklijke Marechaussee | Defensie.nl");
        assertThat(TEXT).contains("naar aanleiding van de motie van Nispen[1] met uw Kamer gesproken");
        assertThat(LINES.get(LINES.size() - 2)).isEqualTo("[1] Kamerstukken, 2022-2023, 29628, nr. 1135");
    }

    @Test
    void wordNotesAreFootnoteLinesWithTheirNumberAndNoPage() {
        List<ExtractedLine> lines = DocxTextExtractor.extractLines(FormatSamples.answerLetterDocx()).lines();

        assertThat(lines).filteredOn(l -> l.role() == LineRole.FOOTNOTE)
                .containsExactly(ExtractedLine.footnote("[1] Kamerstukken, 2022-2023, 29628, nr. 1135", 0, 1));
        // the notes typed by hand are the letter's own paragraphs
        assertThat(lines).contains(ExtractedLine.body("1)  Geen spoed wel brandweer – Brandweer", 0));
        assertThat(lines).allMatch(l -> l.page() == 0);
    }

    @Test
    void paragraphOnAnOutlineLevelIsAHeadingLine() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = document.createParagraph();
            heading.createRun().setText("Beantwoording Kamervragen");
            heading.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
            document.createParagraph().createRun().setText("Vraag 1");
            document.write(out);

            assertThat(DocxTextExtractor.extractLines(out.toByteArray()).lines()).containsExactly(
                    new ExtractedLine("Beantwoording Kamervragen", 0, LineRole.HEADING, 0), ExtractedLine.blank(0),
                    ExtractedLine.body("Vraag 1", 0));
        }
    }

    @Test
    void letterheadTableCellsBecomeParagraphs() {
        assertThat(LINES).contains("Datum", "11 januari 2024", "Ons kenmerk", "5164758");
    }

    @Test
    void fieldCodesAndDrawingsAreLeftOut() {
        assertThat(TEXT).doesNotContain("DOCPROPERTY", "MERGEFORMAT", "SECTIONPAGES");
    }

    @Test
    void zipBombIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(FormatSamples.utf8(FormatSamples.DOCX_CONTENT_TYPES));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 24; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        assertThat(FormatSniffer.sniff(bomb)).isEqualTo(DocumentFormat.DOCX);

        assertThatThrownBy(() -> DocxTextExtractor.extract(bomb))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("zip bomb guard");
    }

    @Test
    void entriesThatEachPassPoisLimitsButInflateTo108MbInAllAreRefusedBeforePoiOpensThem() {
        // twelve entries of 9 MB, each within POI's own limits; POI would keep all of them, 108 MB, in memory
        byte[] document = FormatSamples.docxWithMedia(12, 9 << 20);
        assertThat(document.length).as("the archive itself").isLessThan(9 << 20);

        assertThatThrownBy(() -> DocxTextExtractor.extract(document))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("Word document inflates to more than")
                .hasMessageContaining("zip bomb guard");
    }

    @Test
    void readingAWordDocumentLeavesPoisJvmWideZipLimitsAtPoisDefaults() {
        DocxTextExtractor.extract(FormatSamples.answerLetterDocx());

        // POI's own defaults (nothing else in this JVM changes them): other POI users keep what they expect
        assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
        assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMaxEntrySize()).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void aWordDocumentWithMoreThanAThousandEntriesIsRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1_000; i++) {
                zip.putNextEntry(new ZipEntry("word/part" + i + ".xml"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> DocxTextExtractor.extract(out.toByteArray()))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("Word document has more than 1000 entries");
    }

    @Test
    void zipThatIsNoWordDocumentIsRefused() {
        byte[] zip = FormatSamples.zip("hello.txt", "geen Word");

        assertThatThrownBy(() -> DocxTextExtractor.extract(zip))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("Word document could not be read");
    }
}
