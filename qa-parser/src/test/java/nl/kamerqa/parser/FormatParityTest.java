package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One document, one record: every shared document the test resources hold in more than one form (found by file
 * name, so a new manifestation is checked as soon as it is added) gives the same genre, ids, Kamer, vergaderjaar,
 * Kamervragen metadata and questions from each. Pages and line numbers differ by nature (XML and HTML print no
 * pages) and are left out. Texts other tools extracted (pdftotext, pandoc) are compared with hyphens left out:
 * pdftotext joins "mvo-" + "standaarden" itself and the hyphen is gone before the parser sees it. Left out:
 * {@code kst-36200-VII-147.xml}, a handmade fragment of three parties beside the whole report's text.
 */
class FormatParityTest {

    private static final QaParser PARSER = QaParser.create();
    private static final List<String> FOLDERS = List.of("formats", "samples", "official");
    // manifestations we read ourselves, and the texts other tools made of them
    private static final Set<String> PUBLISHED = Set.of("pdf", "docx", "doc", "odt", "xml", "html");
    private static final Set<String> NOT_A_MANIFESTATION = Set.of("/formats/kst-36200-VII-147.xml");
    private static final Set<String> EXTRACTED = Set.of("pdftotext.txt", "pdftotext-layout.txt", "pandoc.txt");

    /** What must be the same whatever the format. */
    record Essentials(String genre, String documentId, String kamer, String vergaderjaar, String dossier,
                      String ondernummer, ParsedDocument.Kamervragen kamervragen, List<Qa> questions) {
    }

    record Qa(String number, String party, String text, String answer, List<String> covers) {
    }

    static Stream<Arguments> documentsInSeveralForms() {
        Map<String, List<String>> byDocument = new TreeMap<>();
        for (String folder : FOLDERS) {
            for (Path file : list(folder)) {
                String name = file.getFileName().toString();
                int dot = name.indexOf('.');
                String form = name.substring(dot + 1);
                String path = "/" + folder + "/" + name;
                if ((PUBLISHED.contains(form) || EXTRACTED.contains(form)) && !NOT_A_MANIFESTATION.contains(path)) {
                    byDocument.computeIfAbsent(name.substring(0, dot), k -> new ArrayList<>()).add(path);
                }
            }
        }
        return byDocument.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} gives one record from {1}")
    @MethodSource("documentsInSeveralForms")
    void everyFormOfADocumentGivesTheSameRecord(String document, List<String> forms) {
        String reference = forms.stream().filter(f -> PUBLISHED.contains(form(f))).findFirst().orElse(forms.get(0));
        ParsedDocument expected = PARSER.parse(Samples.bytes(reference));
        for (String other : forms) {
            boolean extracted = !PUBLISHED.contains(form(other));
            ParsedDocument actual = PARSER.parse(Samples.bytes(other));
            assertThat(essentials(actual, extracted)).as("%s from %s against %s", document, other, reference)
                    .isEqualTo(essentials(expected, extracted));
        }
    }

    @Test
    void theOfficialManifestationsAreAmongTheComparedForms() {
        // guards the discovery above: the two documents must be found in every form they come in
        assertThat(documentsInSeveralForms()).extracting(a -> a.get()[0] + " " + a.get()[1])
                .anySatisfy(s -> assertThat(s).contains("ah-tk-20202021-3235").contains(".xml").contains(".html")
                        .contains(".odt"))
                .anySatisfy(s -> assertThat(s).contains("kst-32545-143").contains(".xml").contains(".odt"))
                .anySatisfy(s -> assertThat(s).contains("antwoord-brandweer-0900").contains(".doc,").contains(".docx"));
    }

    @Test
    void motieGivesNoQuestionsAndTheSameGenreFromXmlAndOdt() {
        ParsedDocument xml = PARSER.parse(Samples.bytes("/official/kst-32545-143.xml"));
        ParsedDocument odt = PARSER.parse(Samples.bytes("/official/kst-32545-143.odt"));

        assertThat(xml.questions()).isEmpty();
        assertThat(odt.questions()).isEmpty();
        assertThat(odt.genre()).isEqualTo(xml.genre()).isEqualTo(Genres.KAMERSTUK);
        assertThat(odt.title()).isEqualTo(xml.title()).isEqualTo("MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS");
    }

    private static Essentials essentials(ParsedDocument d, boolean hyphensAside) {
        List<Qa> questions = d.questions().stream().map(q -> new Qa(q.number(), q.party(), fold(q.text(), hyphensAside),
                q.answer() == null ? null : fold(q.answer().text(), hyphensAside),
                q.answer() == null ? List.of() : q.answer().covers())).toList();
        return new Essentials(d.genre(), d.documentId(), d.kamer(), d.vergaderjaar(), d.dossier(), d.ondernummer(),
                d.kamervragen(), questions);
    }

    private static String fold(String text, boolean hyphensAside) {
        if (text == null) {
            return null;
        }
        String folded = text.replaceAll("\\s+", " ").strip();
        return hyphensAside ? folded.replace("-", "") : folded;
    }

    private static String form(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(name.indexOf('.') + 1);
    }

    private static List<Path> list(String folder) {
        try (Stream<Path> files = Files.list(Path.of(FormatParityTest.class.getResource("/" + folder).toURI()))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
