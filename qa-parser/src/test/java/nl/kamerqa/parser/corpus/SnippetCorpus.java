package nl.kamerqa.parser.corpus;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.QaParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads snippet → expected-record examples from a Markdown corpus (in the manner of commonmark's spec tests):
 * <pre>
 * ### behaviourSentence
 * why it matters
 * ```text
 * the snippet
 * ```
 * ```json
 * the part of the ParsedDocument it must produce
 * ```
 * </pre>
 * In snippets {@code <FF>}, {@code <NBSP>}, {@code <TAB>} and {@code <BOM>} stand for those characters.
 */
public final class SnippetCorpus {

    /** One example: its name (a behaviour sentence), the snippet and the expected JSON. */
    public record Example(String name, String section, String input, String expectedJson) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final QaParser PARSER = QaParser.create();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SnippetCorpus() {
    }

    /** Parses the example's snippet as text and asserts every field its expected JSON names. */
    public static void assertGivesExpectedRecord(Example example) {
        ParsedDocument parsed = PARSER.parseText(example.input());
        JsonNode actual = MAPPER.valueToTree(parsed);
        JsonNode expected = MAPPER.readTree(example.expectedJson());

        assertThat(JsonSubset.differences(expected, actual))
                .as("%s (%s)%nparsed: %s", example.name(), example.section(), actual.toPrettyString())
                .isEmpty();
    }

    public static List<Example> read(String resource) {
        String markdown;
        try (InputStream in = SnippetCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus " + resource);
            }
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Example> examples = new ArrayList<>();
        String section = "";
        String name = null;
        String input = null;
        StringBuilder block = null;
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            if (block != null) {
                if (line.equals("```")) {
                    if (fence.equals("text")) {
                        input = unescape(block.toString());
                    } else {
                        examples.add(new Example(name, section, input, block.toString()));
                        input = null;
                    }
                    block = null;
                } else {
                    block.append(line).append('\n');
                }
            } else if (line.startsWith("## ")) {
                section = line.substring(3).strip();
            } else if (line.startsWith("### ")) {
                name = line.substring(4).strip();
            } else if (line.equals("```text") || line.equals("```json")) {
                fence = line.substring(3);
                block = new StringBuilder();
            }
        }
        return examples;
    }

    private static String unescape(String snippet) {
        return snippet.replace("<FF>", "\f").replace("<NBSP>", "\u00A0").replace("<TAB>", "\t")
                .replace("<BOM>", "\uFEFF");
    }
}
