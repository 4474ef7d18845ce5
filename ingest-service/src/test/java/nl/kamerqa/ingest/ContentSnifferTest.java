package nl.kamerqa.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentSnifferTest {

    private static String sniff(String text) {
        return ContentSniffer.sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnsupported(byte[] bytes, String saying) {
        assertThatThrownBy(() -> ContentSniffer.sniff(bytes))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.UNSUPPORTED))
                .hasMessageStartingWith("unsupported content: ")
                .hasMessageContaining(saying);
    }

    @Test
    void pdfIsRecognisedByItsHeader() {
        assertThat(ContentSniffer.sniff(Samples.minimalPdf())).isEqualTo(ContentSniffer.PDF);
    }

    @Test
    void zipWithWordDocumentIsDocx() {
        assertThat(ContentSniffer.sniff(Samples.wordDocument())).isEqualTo(ContentSniffer.DOCX);
    }

    @Test
    void openDocumentTextIsAcceptedAsTheParserReadsIt() throws Exception {
        assertThat(ContentSniffer.sniff(openDocumentText())).isEqualTo(ContentSniffer.ODT);
    }

    @Test
    void pdfWithJunkBeforeItsHeaderIsAPdfAsForTheParser() {
        byte[] pdf = Samples.minimalPdf();
        byte[] junkFirst = new byte[pdf.length + 16];
        System.arraycopy(pdf, 0, junkFirst, 16, pdf.length);

        assertThat(ContentSniffer.sniff(junkFirst)).isEqualTo(ContentSniffer.PDF);
    }

    /** What an .odt starts with: its first entry is "mimetype", stored uncompressed, naming an OpenDocument text. */
    private static byte[] openDocumentText() throws Exception {
        byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry("mimetype");
            entry.setMethod(java.util.zip.ZipEntry.STORED);
            entry.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void officePackageThatIsNotWordIsRefused() {
        assertUnsupported(Samples.spreadsheet(), "not a Word document");
    }

    @Test
    void plainZipIsRefused() {
        assertUnsupported(Samples.plainZip(), "zip archive");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<officiele-publicatie><kamerstuk/></officiele-publicatie>",
            "<kamervragen xmlns=\"http://example.org\"/>",
            "\uFEFF<?xml version=\"1.0\"?><root/>",
            "  <!-- export --> <?xml-stylesheet href=\"a.xsl\"?>\n<zoekresultaten/>",
            "<!DOCTYPE kamerstuk SYSTEM \"kamerstuk.dtd\"><kamerstuk/>"})
    void xmlIsRecognisedByItsDeclarationOrRoot(String xml) {
        assertThat(sniff(xml)).isEqualTo(ContentSniffer.XML);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE html><html lang=\"nl\"><body>Vraag 1</body></html>",
            "<!doctype HTML>\n<title>x</title>",
            "\n  <html><head></head></html>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\"><html/>",
            "<!-- saved page --><HTML><BODY>Antwoord</BODY></HTML>"})
    void htmlIsRecognisedByDoctypeOrRoot(String html) {
        assertThat(sniff(html)).isEqualTo(ContentSniffer.HTML);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Vraag 1\nBent u bekend met het bericht „Gemeenten in geldnood”?\n\fAntwoord vraag 1\nJa.",
            "<3 dit is gewoon tekst",
            "Tweede Kamer der Staten-Generaal – vergaderjaar 2022–2023 • ChristenUnie-fractie",
            "\uFEFFtekst met BOM"})
    void validUtf8IsPlainText(String text) {
        assertThat(sniff(text)).isEqualTo(ContentSniffer.TEXT);
    }

    @Test
    void windows1252TextIsRefusedNamingTheOffendingByte() {
        byte[] cp1252 = "Financiële positie".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertUnsupported(cp1252, "not UTF-8 (byte 0xEB at offset 7");
    }

    @Test
    void truncatedMultiByteCharacterAtTheEndIsRefused() {
        byte[] truncated = {'a', 'b', (byte) 0xE2, (byte) 0x80};
        assertUnsupported(truncated, "not UTF-8");
    }

    @Test
    void textWithNulBytesIsRefusedAsBinary() {
        assertUnsupported(new byte[]{'a', 0, 'b', 0}, "NUL");
    }

    @Test
    void imagesAreRefusedByName() {
        assertUnsupported(Samples.pngImage(), "PNG image");
        assertUnsupported(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}, "JPEG image");
    }

    @Test
    void word97DocumentIsAcceptedAsMsword() {
        assertThat(ContentSniffer.sniff(Samples.word97Document())).isEqualTo(ContentSniffer.DOC)
                .isEqualTo("application/msword");
    }

    @Test
    void legacyOfficeFilesThatAreNoWordDocumentAreRefusedSayingWhatTheyAre() {
        assertUnsupported(Samples.excelWorkbook(), "a legacy Office/OLE file that is no Word 97-2003 document "
                + "(an Excel workbook (.xls))");
        byte[] oleHeaderOnly = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1,
                0, 0};
        assertUnsupported(oleHeaderOnly, "(no WordDocument stream)");
    }

    @Test
    void rtfIsRefusedAlthoughItIsAscii() {
        assertUnsupported("{\\rtf1\\ansi Vraag 1}".getBytes(StandardCharsets.US_ASCII), "RTF");
    }

    @Test
    void utf16IsRefusedWithAdvice() {
        assertUnsupported("tekst".getBytes(StandardCharsets.UTF_16), "send it as UTF-8");
    }

    @Test
    void pdfMarkerLaterInTheTextDoesNotMakeItAPdf() {
        assertThat(sniff("Zie bijlage.\n%PDF-1.4 staat hier alleen als tekst")).isEqualTo(ContentSniffer.TEXT);
    }

    @Test
    void largeTextIsValidatedWhole() {
        byte[] big = new byte[3 * 8192 + 5];
        java.util.Arrays.fill(big, (byte) 'a');
        big[big.length - 2] = (byte) 0xC3; // lone lead byte near the end, past the first decode chunks
        assertUnsupported(big, "offset " + (big.length - 2));
    }
}
