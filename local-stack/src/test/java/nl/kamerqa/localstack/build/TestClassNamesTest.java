package nl.kamerqa.localstack.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class in the repository that holds tests is run: Surefire only runs classes named {@code Test*},
 * {@code *Test}, {@code *Tests} or {@code *TestCase}, Failsafe {@code IT*}, {@code *IT} or {@code *ITCase}; a class
 * named otherwise is compiled and silently never run (it happened: five fuzz properties in
 * {@code ReadersRefuseOnlyCleanlyProperties} were dead).
 */
class TestClassNamesTest {

    /** JUnit 5 and jqwik annotations that make a method a test. */
    private static final Pattern TEST_METHOD = Pattern.compile(
            "^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b", Pattern.MULTILINE);
    private static final Pattern PICKED_UP = Pattern.compile("(Test.*|.*Test|.*Tests|.*TestCase|IT.*|.*IT|.*ITCase)\\.java");
    // local-stack's tests run from local-stack/, so the repository is one level up
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyClassWithTestMethodsInTheRepositoryHasANameTheTestRunnersPickUp() throws IOException {
        List<Path> sources = testSources();
        assertThat(sources).as("test sources under %s", REPOSITORY).hasSizeGreaterThan(50);
        List<String> missed = sources.stream()
                .filter(source -> holdsTests(read(source)) && !pickedUp(source.getFileName().toString()))
                .map(source -> REPOSITORY.relativize(source).toString())
                .toList();
        assertThat(missed).as("classes with tests that neither Surefire nor Failsafe runs: rename them to *Test or *IT")
                .isEmpty();
    }

    @Test
    void theCheckRecognisesTestMethodsAndTheRunnersNamePatterns() {
        assertThat(holdsTests("class A {\n    @Property\n    void p() {}\n}")).isTrue();
        assertThat(holdsTests("class A {\n  @ParameterizedTest\n  void p() {}\n}")).isTrue();
        assertThat(holdsTests("/** see {@link Test} */\nclass Helper {\n  void notATest() {}\n}")).isFalse();
        assertThat(pickedUp("ReadersRefuseOnlyCleanlyProperties.java")).isFalse();
        assertThat(pickedUp("ReadersRefuseOnlyCleanlyPropertiesTest.java")).isTrue();
        assertThat(pickedUp("HardKillIT.java")).isTrue();
        assertThat(pickedUp("TestClassNamesTest.java")).isTrue();
        assertThat(pickedUp("EndToEndScenario.java")).isFalse();
    }

    static boolean holdsTests(String source) {
        return TEST_METHOD.matcher(source).find();
    }

    static boolean pickedUp(String fileName) {
        return PICKED_UP.matcher(fileName).matches();
    }

    private static List<Path> testSources() throws IOException {
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            return modules.map(module -> module.resolve("src/test/java")).filter(Files::isDirectory)
                    .flatMap(TestClassNamesTest::javaFiles).sorted().toList();
        }
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
