package nl.kamerqa.parser;

import nl.kamerqa.parser.format.FormatSamples;
import nl.kamerqa.parser.format.OleSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static nl.kamerqa.parser.format.FormatSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class FormatSnifferTest {

    @Test
    void plainUtf8TextIsPlainText() {
        assertThat(FormatSniffer.sniff(utf8("Vraag 1\nBent u bekend met het bericht «Brandweer»?\f2\n")))
                .isEqualTo(DocumentFormat.PLAIN_TEXT);
    }

    @Test
    void byteOrderMarkDoesNotHidePlainText() {
        assertThat(FormatSniffer.sniff(utf8("\uFEFFTweede Kamer, vergaderjaar 2023–2024")))
                .isEqualTo(DocumentFormat.PLAIN_TEXT);
    }

    @Test
    void pdfIsToldByItsMagicNumber() {
        assertThat(FormatSniffer.sniff(FormatSamples.kamervragenPdfWithSixteenFootnotes())).isEqualTo(DocumentFormat.PDF);
        assertThat(FormatSniffer.sniff(utf8("%PDF-1.7\n%âãÏÓ\n"))).isEqualTo(DocumentFormat.PDF);
    }

    @Test
    void pdfHeaderAfterJunkCountsWhenTheFileEndsLikeAPdf() {
        byte[] pdf = FormatSamples.kamervragenPdfWithSixteenFootnotes();
        byte[] junkFirst = new byte[pdf.length + 100];
        byte[] junk = utf8("HTTP/1.1 200 OK junk before the header");
        System.arraycopy(junk, 0, junkFirst, 0, junk.length);
        System.arraycopy(pdf, 0, junkFirst, 100, pdf.length);

        assertThat(FormatSniffer.sniff(junkFirst)).isEqualTo(DocumentFormat.PDF);
    }

    @Test
    void textWithWordsManualLineBreaksIsPlainText() {
        String line = "Vraag 1\u000BBent u bekend met het bericht?\u000BAntwoord\u000BJa.\n";
        assertThat(FormatSniffer.sniff(utf8(line.repeat(50)))).isEqualTo(DocumentFormat.PLAIN_TEXT);
    }

    @Test
    void largeTextIsCheckedWholeAcrossDecodingChunks() {
        byte[] text = utf8("Tweede Kamer – vergaderjaar 2023–2024\n".repeat(20_000));
        byte[] brokenAtTheEnd = java.util.Arrays.copyOf(text, text.length + 1);
        brokenAtTheEnd[text.length] = (byte) 0xC3;

        assertThat(FormatSniffer.sniff(text)).isEqualTo(DocumentFormat.PLAIN_TEXT);
        assertThat(FormatSniffer.sniff(brokenAtTheEnd)).isEqualTo(DocumentFormat.UNKNOWN);
    }

    @Test
    void unknownBytesAreExplainedForTheRefusal() {
        assertThat(FormatSniffer.explain(new byte[0])).isEqualTo("no bytes");
        assertThat(FormatSniffer.explain(utf8("{\\rtf1 x}"))).isEqualTo("an RTF document; convert it to .docx or PDF");
        assertThat(FormatSniffer.explain(new byte[]{'a', 'b', (byte) 0xE9, 'c'}))
                .startsWith("binary data or text that is not UTF-8 (byte 0xE9 at offset 2; first bytes 61 62 E9 63");
        assertThat(FormatSniffer.explain(new byte[]{'a', 0, 'b'})).startsWith("binary data (contains NUL bytes");
        assertThat(FormatSniffer.explain(utf8("\u0001\u0002\u0003 ab")))
                .startsWith("text with too many control characters");
    }

    @Test
    void textQuotingAPdfHeaderIsStillText() {
        assertThat(FormatSniffer.sniff(utf8("Zie bijlage.\n%PDF-1.4 staat hier alleen als tekst")))
                .isEqualTo(DocumentFormat.PLAIN_TEXT);
    }

    @Test
    void rtfAndUtf16LookLikeTextButAreUnknown() {
        assertThat(FormatSniffer.sniff(utf8("{\\rtf1\\ansi Vraag 1}"))).isEqualTo(DocumentFormat.UNKNOWN);
        assertThat(FormatSniffer.sniff("tekst".getBytes(java.nio.charset.StandardCharsets.UTF_16)))
                .isEqualTo(DocumentFormat.UNKNOWN);
    }

    @Test
    void wordDocumentIsAZipHoldingWordDocumentXml() {
        assertThat(FormatSniffer.sniff(FormatSamples.answerLetterDocx())).isEqualTo(DocumentFormat.DOCX);
    }

    @Test
    void word97IsAnOle2FileHoldingAWordDocumentStream() {
        assertThat(FormatSniffer.sniff(FormatSamples.answerLetterDoc())).isEqualTo(DocumentFormat.DOC);
        assertThat(FormatSniffer.sniff(FormatSamples.resource("word97-password-geheim.doc"))).isEqualTo(DocumentFormat.DOC);
    }

    @Test
    void ole2FilesThatAreNoWordDocumentAreUnknownAndExplainedByWhatTheyHold() throws java.io.IOException {
        byte[] xls = OleSamples.excelWorkbook();
        byte[] ppt = OleSamples.withStreams("PowerPoint Document", "Current User");
        byte[] protectedDocx = OleSamples.withStreams("EncryptionInfo", "EncryptedPackage");
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, noise, 0, 8);

        assertThat(java.util.List.of(xls, ppt, protectedDocx, noise)).extracting(FormatSniffer::sniff)
                .containsOnly(DocumentFormat.UNKNOWN);
        assertThat(FormatSniffer.explain(xls)).isEqualTo("a legacy Office/OLE file that is no Word 97-2003 document "
                + "(an Excel workbook (.xls)); only Word documents are read");
        assertThat(FormatSniffer.explain(ppt)).contains("a PowerPoint presentation (.ppt)");
        assertThat(FormatSniffer.explain(protectedDocx)).startsWith("a password-protected (encrypted) Office document");
        assertThat(FormatSniffer.explain(noise)).contains("(no WordDocument stream)");
    }

    @Test
    void otherZipsAreUnknown() {
        byte[] spreadsheet = FormatSamples.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
        assertThat(FormatSniffer.sniff(spreadsheet)).isEqualTo(DocumentFormat.UNKNOWN);
        assertThat(FormatSniffer.sniff(new byte[]{'P', 'K', 3, 4, 0, 0})).isEqualTo(DocumentFormat.UNKNOWN);
    }

    @Test
    void publicationPageIsHtml() {
        assertThat(FormatSniffer.sniff(FormatSamples.kamervragenHtml())).isEqualTo(DocumentFormat.HTML);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<!doctype html><title>x</title>",
            "  <html lang=\"nl\"><body></body></html>",
            "<!-- zoek.officielebekendmakingen.nl --><div class=\"vraag\"><p>Vraag 1</p></div>",
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"})
    void htmlIsToldByDoctypeOrRootElement(String html) {
        assertThat(FormatSniffer.sniff(utf8(html))).isEqualTo(DocumentFormat.HTML);
    }

    @Test
    void publicationXmlIsXml() {
        assertThat(FormatSniffer.sniff(FormatSamples.kamervragenXml())).isEqualTo(DocumentFormat.XML);
        assertThat(FormatSniffer.sniff(FormatSamples.schriftelijkOverlegXml())).isEqualTo(DocumentFormat.XML);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<officiele-publicatie><kamervragen/></officiele-publicatie>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel/></rss>",
            "\uFEFF<?xml version=\"1.0\"?><!DOCTYPE op SYSTEM \"op.dtd\"><op:doc xmlns:op=\"urn:x\"/>"})
    void anyOtherXmlIsXml(String xml) {
        assertThat(FormatSniffer.sniff(utf8(xml))).isEqualTo(DocumentFormat.XML);
    }

    @Test
    void emptyAndBlankInputAreUnknown() {
        assertThat(FormatSniffer.sniff(new byte[0])).isEqualTo(DocumentFormat.UNKNOWN);
        assertThat(FormatSniffer.sniff(utf8(" \n\t\f"))).isEqualTo(DocumentFormat.UNKNOWN);
    }

    @Test
    void binaryNoiseIsUnknown() {
        byte[] noise = new byte[4096];
        new Random(20240521L).nextBytes(noise);
        noise[0] = 'x';
        assertThat(FormatSniffer.sniff(noise)).isEqualTo(DocumentFormat.UNKNOWN);
    }

    @Test
    void invalidUtf8IsUnknown() {
        assertThat(FormatSniffer.sniff(new byte[]{'V', 'r', 'a', 'a', 'g', ' ', (byte) 0xC3, 0x28})).isEqualTo(DocumentFormat.UNKNOWN);
    }

    @Test
    void textWithNulIsUnknown() {
        assertThat(FormatSniffer.sniff(utf8("Vraag 1\u0000Antwoord 1"))).isEqualTo(DocumentFormat.UNKNOWN);
    }

    @Test
    void nullIsRefusedAtOnce() {
        assertThatNullPointerException().isThrownBy(() -> FormatSniffer.sniff(null));
    }
}
