package nl.kamerqa.parser.format;

import nl.kamerqa.parser.FormatSniffer;
import nl.kamerqa.parser.DocumentFormat;

import nl.kamerqa.parser.UnsupportedDocumentException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocTextExtractorTest {

    private static final String LETTER = DocTextExtractor.extract(FormatSamples.answerLetterDoc());
    private static final List<String> LETTER_LINES = Arrays.asList(LETTER.split("\n", -1));
    private static final String SMALL = DocTextExtractor.extract(FormatSamples.resource("word97-notes-and-lists.doc"));

    @Test
    void aDocGivesTheTextTheDocxExtractorGivesForTheSameDocument() {
        // both written by LibreOffice from word97-notes-and-lists.fodt: notes, a two-level list, a table, a field
        String docx = DocxTextExtractor.extract(FormatSamples.resource("word97-notes-and-lists.docx"));

        assertThat(SMALL).isEqualTo(docx);
    }

    @Test
    void theAnswerLetterReadsLikeItsDocxFromTheSignatureOn() {
        // before the signature the .doc lacks the letterhead's margin column: LibreOffice wrote it as a text box
        String docx = DocxTextExtractor.extract(FormatSamples.answerLetterDocx());
        String from = "D. Yeşilgöz-Zegerius\n";

        assertThat(LETTER).contains(from);
        assertThat(LETTER.substring(LETTER.indexOf(from))).isEqualTo(docx.substring(docx.indexOf(from)));
    }

    @Test
    void questionAndAnswerHeadingsStandOnTheirOwnLines() {
        IntStream.rangeClosed(1, 10).forEach(n -> assertThat(LETTER_LINES).containsOnlyOnce("Vraag " + n));
        assertThat(LETTER_LINES).contains("Antwoord op vraag 1", "Antwoord op vragen 2 en 3",
                "Antwoord op vragen 7, 8, en 9", "Antwoord op vraag 10");
    }

    @Test
    void theWordFootnoteIsMarkedInTheTextAndPrintedAfterTheBody() {
        assertThat(LETTER).contains("naar aanleiding van de motie van Nispen[1] met uw Kamer gesproken");
        assertThat(LETTER_LINES.get(LETTER_LINES.size() - 2)).isEqualTo("[1] Kamerstukken, 2022-2023, 29628, nr. 1135");
    }

    @Test
    void footnotesAndEndnotesAreNumberedInOrderOfReference() {
        assertThat(SMALL).contains("Kent u het bericht over het niet-noodnummer[1]?", "Wat kost een gesprek[2]?");
        assertThat(SMALL).endsWith("\n\n[1] Nieuwsbericht, 3 januari 2024.\n\n[2] Tarieven 2024.\n");
    }

    @Test
    void numberedListItemsCarryTheNumberWordPrintsPerLevel() {
        assertThat(SMALL).contains("1)  Een starttarief.\n\na.  Per gesprek.\n\nb.  Ook buiten kantoortijd.\n\n"
                + "2)  Een tarief per minuut.");
        assertThat(LETTER_LINES).contains("1)  Geen spoed wel brandweer – Brandweer",
                "2)  Contact marechaussee | Koninklijke Marechaussee | Defensie.nl");
    }

    @Test
    void fieldResultsStayButFieldCodesDeletedTextAndHeadersAndFootersAreLeftOut() {
        assertThat(SMALL).contains("Ja. Het nummer staat op pagina 1.");
        assertThat(SMALL).doesNotContain("PAGE", "geschrapte", "Kopregel", "Voetregel");
        assertThat(LETTER).doesNotContain("DOCPROPERTY", "DOCVARIABLE", "MERGEFORMAT");
        assertThat(LETTER_LINES).contains("Datum", "11 januari 2024");
    }

    @Test
    void tableCellsBecomeParagraphsAndManualLineBreaksStayLineBreaks() {
        assertThat(SMALL).contains("\n\nDatum\n\n11 januari 2024\n\n", "\n\nRegel een\nregel twee\n");
        assertThat(SMALL).doesNotContain("\n\n\n");
    }

    @Test
    void aPasswordProtectedDocIsRefusedSayingSo() {
        byte[] encrypted = FormatSamples.resource("word97-password-geheim.doc");
        assertThat(FormatSniffer.sniff(encrypted)).isEqualTo(DocumentFormat.DOC);

        assertThatThrownBy(() -> DocTextExtractor.extract(encrypted))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessage("Word 97-2003 document is password-protected (encrypted); save it without a password");
    }

    @Test
    void anOle2FileWithoutAWordDocumentStreamIsRefusedNamingWhatItIs() throws IOException {
        assertThatThrownBy(() -> DocTextExtractor.extract(OleSamples.excelWorkbook()))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("no Word 97-2003 document (an Excel workbook (.xls))");
        assertThatThrownBy(() -> DocTextExtractor.extract(OleSamples.withStreams("PowerPoint Document")))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("a PowerPoint presentation (.ppt)");
        assertThatThrownBy(() -> DocTextExtractor.extract(OleSamples.withStreams("__substg1.0_0037001F")))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("an Outlook message (.msg)");
    }

    @Test
    void aStreamClaimingMoreBytesThanTheFileHoldsIsRefusedBeforeHwpfReadsIt() throws IOException {
        byte[] bomb = OleSamples.withClaimedStreamSize(FormatSamples.answerLetterDoc(), "WordDocument", 1 << 30);

        assertThatThrownBy(() -> DocTextExtractor.extract(bomb))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("claims 1073741824 bytes");
    }

    @Test
    void textPiecesThatAllPointAtTheSameBytesAreRefusedBeforeHwpfBuildsTheirText() throws IOException {
        byte[] bomb = OleSamples.docWithRepeatedPieces(FormatSamples.answerLetterDoc(), 2000, 40_000);
        assertThat(bomb.length).as("the file").isLessThan(200_000);

        assertThatThrownBy(() -> DocTextExtractor.extract(bomb))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("text pieces claim 80000000 characters");
    }
}
