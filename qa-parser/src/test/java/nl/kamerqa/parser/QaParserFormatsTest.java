package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Asker;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link QaParser#parse(byte[])} tells the format from the bytes and sends each to its reader: PDF and Word through
 * the text reader (pages from the PDF), HTML and publication XML by their structure, text as text; every format gives
 * the same genre names and the same records for the same document; what it cannot read it refuses with a reason
 * that names the format problem.
 */
class QaParserFormatsTest {

    private static final QaParser PARSER = QaParser.create();

    @Test
    void pdfPagesComeFromThePdfItself() {
        ParsedDocument parsed = PARSER.parse(Samples.kamervragenWithSixteenFootnotesPdf());

        assertThat(parsed.questions()).extracting(Question::page)
                .containsExactly(1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6);
        assertThat(parsed.questions()).extracting(q -> q.answer().page())
                .containsExactly(1, 1, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6);
        assertThat(parsed.footnotes()).extracting(ParsedDocument.Footnote::page)
                .containsExactly(1, 2, 2, 2, 3, 3, 3, 3, 4, 5, 5, 5, 5, 5, 6, 6);
    }

    @Test
    void onePagePdfWhoseFooterPrintsNoNumberIsPageOne() {
        ParsedDocument parsed = PARSER.parse(Samples.kamervragenWithMededelingPdf());

        assertThat(parsed.questions()).extracting(Question::page).containsExactly(1, 1, 1);
        assertThat(parsed.warnings()).noneMatch(w -> w.startsWith("printed page numbers unknown"));
    }

    @Test
    void pdfAndPublicationXmlOfTheSameKamervragenGiveTheSameRecords() {
        ParsedDocument pdf = PARSER.parse(Samples.kamervragenWithSixteenFootnotesPdf());
        ParsedDocument xml = PARSER.parse(Samples.bytes("/formats/ah-tk-20232024-1786.xml"));

        assertThat(pdf.genre()).isEqualTo(xml.genre()).isEqualTo(Genres.KAMERVRAGEN);
        assertThat(pdf.documentId()).isEqualTo(xml.documentId()).isEqualTo("ah-tk-20232024-1786");
        assertThat(pdf.kamervragen()).isEqualTo(xml.kamervragen());
        for (int i = 0; i < pdf.questions().size(); i++) {
            Question p = pdf.questions().get(i);
            Question x = xml.questions().get(i);
            assertThat(p.text()).as("question %s", p.number()).isEqualTo(x.text());
            assertThat(p.footnotes()).as("markers of question %s", p.number()).isEqualTo(x.footnotes());
            assertThat(p.answer().text()).as("answer %s", p.number()).isEqualTo(x.answer().text());
            assertThat(p.answer().covers()).isEqualTo(x.answer().covers());
            assertThat(p.answer().footnotes()).as("markers of answer %s", p.number()).isEqualTo(x.answer().footnotes());
        }
        assertThat(pdf.footnotes()).extracting(ParsedDocument.Footnote::text)
                .containsExactlyElementsOf(xml.footnotes().stream().map(ParsedDocument.Footnote::text).toList());
    }

    @Test
    void pdfAndPublicationHtmlOfTheSameKamervragenGiveTheSameTexts() {
        ParsedDocument pdf = PARSER.parse(Samples.kamervragenWithCombinedQuestionsPdf());
        ParsedDocument html = PARSER.parse(Samples.bytes("/formats/ah-tk-20142015-698.html"));

        assertThat(pdf.questions()).extracting(Question::text)
                .containsExactlyElementsOf(html.questions().stream().map(Question::text).toList());
        assertThat(pdf.questions()).extracting(q -> q.answer().text())
                .containsExactlyElementsOf(html.questions().stream().map(q -> q.answer().text()).toList());
        assertThat(pdf.kamervragen()).isEqualTo(html.kamervragen());
    }

    @Test
    void wordLetterIsReadAsKamervragenWithItsAskersAndNotes() {
        ParsedDocument parsed = PARSER.parse(Samples.answerLetterDocx());

        assertThat(parsed.genre()).isEqualTo(Genres.KAMERVRAGEN);
        assertThat(parsed.documentId()).isNull();
        assertThat(parsed.kamervragen().askers()).containsExactly(new Asker("Temmink", "SP"), new Asker("Van Nispen", "SP"));
        assertThat(parsed.kamervragen().answeredBy()).isEqualTo("minister van Justitie en Veiligheid");
        assertThat(parsed.questions()).extracting(Question::party).containsOnly("SP");
        assertThat(parsed.footnotes()).extracting(ParsedDocument.Footnote::number).containsExactly(1, 2, 1);
        Question second = parsed.questions().get(1);
        assertThat(second.text()).endsWith("commerciële tarieven vraagt?");
        assertThat(second.footnotes()).containsExactly(1);
        assertThat(parsed.questions().get(9).answer().footnotes()).containsExactly(1);
        assertThat(parsed.questions().get(9).answer().text()).contains("motie van Nispen met uw Kamer");
    }

    @Test
    void word97LetterIsReadAsKamervragenLikeItsDocx() {
        ParsedDocument doc = PARSER.parse(Samples.bytes("/formats/antwoord-brandweer-0900.doc"));

        assertThat(doc.genre()).isEqualTo(Genres.KAMERVRAGEN);
        assertThat(doc.kamervragen().askers()).containsExactly(new Asker("Temmink", "SP"), new Asker("Van Nispen", "SP"));
        assertThat(doc.footnotes()).extracting(ParsedDocument.Footnote::number).containsExactly(1, 2, 1);
        assertThat(doc.questions()).hasSize(10);
        assertThat(doc.questions().get(9).answer().footnotes()).containsExactly(1);
    }

    @Test
    void textInEveryEncodingTheSnifferKnowsIsReadAsText() {
        String text = Samples.pdftotext("ah-tk-20142015-698");
        List<Question> utf8 = PARSER.parse(text.getBytes(StandardCharsets.UTF_8)).questions();

        assertThat(utf8).hasSize(6);
        assertThat(PARSER.parse(text.getBytes(StandardCharsets.UTF_16)).questions()).isEqualTo(utf8);
        assertThat(PARSER.parseText(text).questions()).isEqualTo(utf8);
    }

    @Test
    void documentThatFitsNoGenreGivesNoQuestionsAndAWarningNeverAnException() {
        ParsedDocument parsed = PARSER.parse("Geachte voorzitter,\n\n1. Het kabinet verlengt de regeling.\n\n2. De kosten zijn gedekt.\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.genre()).isNull();
        assertThat(parsed.questions()).isEmpty();
        assertThat(parsed.warnings()).contains("no questions found").anyMatch(w -> w.startsWith("the text fits no known genre"));
    }

    @Test
    void htmlPageWithoutPublicationMarkupIsReadByItsText() {
        String page = "<html><head><title>Antwoord schriftelijke vragen</title><script>var x = 1;</script></head><body>"
                + "<nav>Menu</nav><h1>Antwoord op vragen van het lid Dijk</h1>"
                + "<p>Vragen van het lid Dijk (SP) aan de Minister van Financiën over boetes (ingezonden 2 mei 2024).</p>"
                + "<p>Antwoord van Minister Van Rij (Financiën) (ontvangen 21 mei 2024).</p>"
                + "<p>Vraag 1</p><p>Hoeveel boetes zijn er opgelegd?</p><p>Antwoord 1</p><p>Het gaat om 1.200<br>boetes.</p>"
                + "</body></html>";

        ParsedDocument parsed = PARSER.parse(page.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.genre()).isEqualTo(Genres.KAMERVRAGEN);
        assertThat(parsed.questions()).singleElement().satisfies(q -> {
            assertThat(q.party()).isEqualTo("SP");
            assertThat(q.text()).isEqualTo("Hoeveel boetes zijn er opgelegd?");
            assertThat(q.answer().text()).isEqualTo("Het gaat om 1.200 boetes.");
        });
        assertThat(parsed.warnings()).contains("HTML without officielebekendmakingen publication markup: read as text");
    }

    @Test
    void htmlPageWithoutQuestionsGivesNoQuestionsAndWarnings() {
        ParsedDocument parsed = PARSER.parse("<html><body><p>Hallo</p></body></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.questions()).isEmpty();
        assertThat(parsed.warnings()).contains("no questions found");
    }

    static Stream<Arguments> unreadable() throws IOException {
        byte[] pdf = Samples.kamervragenWithMededelingPdf();
        byte[] garbage = ("%PDF-1.7\n" + "x".repeat(2000) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        return Stream.of(
                Arguments.of("a truncated PDF", Arrays.copyOf(pdf, pdf.length / 2), "PDF is truncated or corrupt"),
                Arguments.of("a corrupt PDF", garbage, "PDF"),
                Arguments.of("an encrypted PDF", encryptedPdf(), "PDF is encrypted"),
                Arguments.of("a zip that is no Word file", zipWithoutWordDocument(), "no Word (.docx) or OpenDocument text (.odt) document"),
                Arguments.of("an empty file", new byte[0], "empty document"),
                Arguments.of("only whitespace", " \n\t\n".getBytes(StandardCharsets.UTF_8), "empty document"),
                Arguments.of("binary data", new byte[]{1, 2, 0, 0, 7, 8, 0, 9}, "binary"),
                Arguments.of("Latin-1 text", "één vraag".getBytes(StandardCharsets.ISO_8859_1), "UTF-8"),
                Arguments.of("an OLE2 header and nothing else", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0,
                        0}, "no Word 97-2003 document"),
                Arguments.of("a password-protected Word 97-2003 file",
                        Samples.bytes("/formats/word97-password-geheim.doc"), "password-protected"),
                Arguments.of("XML that is no publication", "<?xml version=\"1.0\"?><rss><item/></rss>"
                        .getBytes(StandardCharsets.UTF_8), "not an official publication"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableInputIsRefusedWithTheFormatProblem(String name, byte[] content, String reason) {
        assertThatThrownBy(() -> PARSER.parse(content))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining(reason);
    }

    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("eigenaar", "geheim", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] zipWithoutWordDocument() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("geen Word".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
