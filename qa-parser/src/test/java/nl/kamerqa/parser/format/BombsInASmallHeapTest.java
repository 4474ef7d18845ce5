package nl.kamerqa.parser.format;

import nl.kamerqa.parser.cli.QaParserCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bomb, fed to the parser's command line in a JVM of its own with a 256 MB heap (smaller than what any of them
 * would inflate to), is refused with its reason, and the JVM never runs out of memory. The guards count what a bomb
 * inflates to as it comes out; the OutOfMemoryError fallback in parser-service is the last line, not the plan.
 */
class BombsInASmallHeapTest {

    private static final String HEAP = "-Xmx256m";
    private static final int MB = 1 << 20;

    @TempDir
    static Path dir;
    private static final Map<String, Path> BOMBS = new java.util.HashMap<>();

    @BeforeAll
    static void makeBombs() throws IOException {
        BOMBS.put("flate", write("flate.pdf", PdfTextExtractorTest.pdfWithFlateContent(300L * MB, false, "", "/FlateDecode")));
        BOMBS.put("image-marked", write("image-marked.pdf",
                PdfTextExtractorTest.pdfWithFlateContent(300L * MB, false, "/Subtype/Image/Width 1/Height 1", "/FlateDecode")));
        BOMBS.put("form", write("form.pdf", PdfTextExtractorTest.pdfWithFlateContent(300L * MB, true, "", "/FlateDecode")));
        BOMBS.put("zip", write("zip.docx", FormatSamples.docxWithMedia(30, 9 * MB)));
        // 2000 text pieces of 40 000 characters, all the same bytes: 80 million characters from 150 KB
        BOMBS.put("doc-pieces", write("pieces.doc",
                OleSamples.docWithRepeatedPieces(FormatSamples.answerLetterDoc(), 2000, 40_000)));
        BOMBS.put("entity", write("entity.xml", FormatSamples.utf8(FormatSamples.billionLaughs())));
        BOMBS.put("nesting", write("nesting.xml", ("<?xml version=\"1.0\"?>\n<officiele-publicatie>"
                + "<al>".repeat(2_000_000) + "Vraag 1" + "</al>".repeat(2_000_000) + "</officiele-publicatie>")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} bomb is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "flate        | compression bomb",
            "image-marked | compression bomb",
            "form         | compression bomb",
            "zip          | zip bomb guard",
            "doc-pieces   | text pieces claim",
            "entity       | refused",
            "nesting      | deeper than"})
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @Execution(ExecutionMode.CONCURRENT) // each bomb's JVM is a process of its own: two at a time on two cores
    void bombIsRefusedWithItsReasonInA256MbHeapWithoutRunningOutOfMemory(String bomb, String reason) throws Exception {
        Path file = BOMBS.get(bomb);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP));
        // the build's options for short-lived JVMs (root pom: C1 alone and the serial collector, which is also what a
        // container with the compose memory limits gets)
        String buildOptions = System.getProperty("kamerqa.test.child-jvm-options", "").strip();
        if (!buildOptions.isEmpty()) {
            command.addAll(List.of(buildOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath(), QaParserCli.class.getName(), file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();

        assertThat(stderr).as("stderr of %s", bomb).doesNotContain("OutOfMemoryError")
                .contains("unsupported input").contains(reason);
        assertThat(process.exitValue()).as("exit code, stderr: %s", stderr).isEqualTo(2);
        assertThat(stdout).as("no parsed output").isEmpty();
    }

    /** Surefire puts the real class path in this property and only a manifest jar in java.class.path. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
