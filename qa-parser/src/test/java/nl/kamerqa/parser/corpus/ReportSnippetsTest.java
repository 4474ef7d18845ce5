package nl.kamerqa.parser.corpus;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.QaParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of issue 3 on small handmade snippets: corpus/report-snippets.md, one test per example. */
class ReportSnippetsTest {

    private static final QaParser PARSER = QaParser.create();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static List<SnippetCorpus.Example> examples() {
        return SnippetCorpus.read("/corpus/report-snippets.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void snippetGivesExpectedRecord(SnippetCorpus.Example example) {
        ParsedDocument parsed = PARSER.parseText(example.input());
        JsonNode actual = MAPPER.valueToTree(parsed);
        JsonNode expected = MAPPER.readTree(example.expectedJson());

        assertThat(JsonSubset.differences(expected, actual))
                .as("%s (%s)%nparsed: %s", example.name(), example.section(), actual.toPrettyString())
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void corpusHasAnExampleForEveryRule() {
        assertThat(examples()).extracting(SnippetCorpus.Example::section).contains(
                "Party sections", "Questions", "Answers", "Pages", "Footnotes", "Hyphenation",
                "Contamination", "Metadata", "References");
        assertThat(examples()).extracting(SnippetCorpus.Example::name).doesNotHaveDuplicates();
    }
}
