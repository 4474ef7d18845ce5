package nl.kamerqa.parser.cli;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract: ParsedDocument JSON on stdout; exit 0 when parsed, 2 with one line on stderr otherwise. */
class QaParserCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, String... args) {
        return new QaParserCli(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sampleFilePrintsThePrettyParsedDocumentJson() throws IOException {
        Path file = Files.writeString(dir.resolve("kst.txt"), Samples.reportWithCombinedAnswers());

        assertThat(run(new byte[0], file.toString())).isZero();

        ParsedDocument document = JsonMapper.builder().build().readValue(stdout(), ParsedDocument.class);
        assertThat(document.documentId()).isEqualTo("kst-36200-VII-147");
        assertThat(document.questions()).hasSize(46);
        assertThat(stdout()).contains("\n  \"documentId\"").contains("«burgerschapszone»");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void dashReadsStandardInput() {
        byte[] text = Samples.reportWithCombinedAnswers().getBytes(StandardCharsets.UTF_8);
        assertThat(run(text, "-")).isZero();
        assertThat(stdout()).contains("\"number\" : \"46\"");
    }

    @Test
    void documentWithoutQuestionsExitsZeroWithAWarningOnStderr() throws IOException {
        Path file = Files.writeString(dir.resolve("brief.txt"), "Geachte voorzitter,\n\nDit is een brief.\n");

        assertThat(run(new byte[0], file.toString())).isZero();

        assertThat(stdout()).contains("\"warnings\" : [ \"no questions found\" ]");
        assertThat(stderr().lines()).hasSize(1).first().asString().contains("no questions found");
    }

    @Test
    void unreadableFileExitsTwoWithOneLine() {
        assertThat(run(new byte[0], dir.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).hasSize(1).first().asString().contains("cannot read").contains("missing.txt");
    }

    @Test
    void directoryExitsTwoWithOneLine() {
        assertThat(run(new byte[0], dir.toString())).isEqualTo(2);
        assertThat(stderr().lines()).hasSize(1);
    }

    @Test
    void truncatedPdfExitsTwoWithOneLineNamingThePdfProblem() throws IOException {
        Path file = Files.write(dir.resolve("stuk.pdf"), "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run(new byte[0], file.toString())).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).hasSize(1).first().asString()
                .startsWith("qa-parser: unsupported input").contains("PDF is truncated or corrupt");
    }

    @Test
    void pdfPrintsItsKamervragenWithPagesFromThePdf() throws IOException {
        Path file = Files.write(dir.resolve("kamervragen.bin"), Samples.kamervragenWithCombinedQuestionsPdf());

        assertThat(run(new byte[0], file.toString())).isZero();

        ParsedDocument document = JsonMapper.builder().build().readValue(stdout(), ParsedDocument.class);
        assertThat(document.genre()).isEqualTo("KAMERVRAGEN");
        assertThat(document.documentId()).isEqualTo("ah-tk-20142015-698");
        assertThat(document.questions()).hasSize(6).allMatch(q -> q.page() != null);
        assertThat(document.kamervragen().aanhangselnummer()).isEqualTo("698");
        assertThat(stderr()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"antwoord-brandweer-0900.docx", "antwoord-brandweer-0900.doc"})
    void wordLetterPrintsItsQuestionsAndNotes(String sample) throws IOException {
        Path file = Files.write(dir.resolve(sample), Samples.bytes("/formats/" + sample));

        assertThat(run(new byte[0], file.toString())).isZero();

        ParsedDocument document = JsonMapper.builder().build().readValue(stdout(), ParsedDocument.class);
        assertThat(document.questions()).hasSize(10);
        assertThat(document.footnotes()).hasSize(3);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void publicationHtmlAndXmlArePrintedToo() throws IOException {
        Path html = Files.write(dir.resolve("698.html"), Samples.bytes("/formats/ah-tk-20142015-698.html"));
        assertThat(run(new byte[0], html.toString())).isZero();
        assertThat(stdout()).contains("\"genre\" : \"KAMERVRAGEN\"").contains("\"aanhangselnummer\" : \"698\"");

        out.reset();
        Path xml = Files.write(dir.resolve("1786.xml"), Samples.bytes("/formats/ah-tk-20232024-1786.xml"));
        assertThat(run(new byte[0], xml.toString())).isZero();
        assertThat(stdout()).contains("\"documentId\" : \"ah-tk-20232024-1786\"");
    }

    @Test
    void zipThatIsNoWordFileAndEmptyFileExitTwoWithTheirReason() throws IOException {
        Path zip = Files.write(dir.resolve("archief.docx"), new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        Path empty = Files.write(dir.resolve("leeg.txt"), new byte[0]);

        assertThat(run(new byte[0], zip.toString())).isEqualTo(2);
        assertThat(run(new byte[0], empty.toString())).isEqualTo(2);

        assertThat(stderr().lines()).hasSize(2);
        assertThat(stderr().lines().toList().get(0)).contains("no Word (.docx) or OpenDocument text (.odt) document");
        assertThat(stderr().lines().toList().get(1)).contains("empty document");
    }

    @Test
    void invalidUtf8AndBinaryExitTwo() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Vragen van de leden: één".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run(new byte[0], latin1.toString())).isEqualTo(2);
        Path binary = Files.write(dir.resolve("blob.bin"), new byte[]{1, 2, 0, 0, 7, 8, 0, 9});
        assertThat(run(new byte[0], binary.toString())).isEqualTo(2);
        assertThat(stderr().lines()).hasSize(2).allMatch(l -> l.startsWith("qa-parser: unsupported input"));
    }

    @Test
    void wrongArgumentsPrintUsageAndExitTwo() {
        assertThat(run(new byte[0])).isEqualTo(2);
        assertThat(stderr()).startsWith("usage:");
    }
}
