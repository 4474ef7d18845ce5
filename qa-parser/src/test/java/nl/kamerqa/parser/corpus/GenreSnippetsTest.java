package nl.kamerqa.parser.corpus;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.QaParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of issue 4 on small snippets, one test per example: Kamervragen (corpus/kamervragen-snippets.md) and lists
 * of questions and notas (corpus/lists-and-notas-snippets.md).
 */
class GenreSnippetsTest {

    private static final QaParser PARSER = QaParser.create();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static List<SnippetCorpus.Example> examples() {
        List<SnippetCorpus.Example> all = new ArrayList<>(SnippetCorpus.read("/corpus/kamervragen-snippets.md"));
        all.addAll(SnippetCorpus.read("/corpus/lists-and-notas-snippets.md"));
        return all;
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

    @Test
    void corporaHaveAnExampleForEveryRule() {
        assertThat(SnippetCorpus.read("/corpus/kamervragen-snippets.md")).extracting(SnippetCorpus.Example::section)
                .contains("Header", "Questions", "Answers", "Mededeling", "Footnotes", "Word letters", "No genre");
        assertThat(SnippetCorpus.read("/corpus/lists-and-notas-snippets.md")).extracting(SnippetCorpus.Example::section)
                .contains("Genre", "Questions", "Parties", "Answers");
        assertThat(examples()).extracting(SnippetCorpus.Example::name).doesNotHaveDuplicates();
    }
}
