package nl.kamerqa.parser;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import nl.kamerqa.contracts.ContractFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's output for every scored fixture, written by Jackson 3 as the CLI and parser-service write it, is a
 * valid ParsedDocument event by the committed schema, and uses no property the schema does not describe.
 */
class ParsedDocumentSchemaTest {

    private static final QaParser PARSER = QaParser.create();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(closed(MAPPER.readTree(ContractFiles.read(ContractFiles.PARSED_DOCUMENT_SCHEMA))));

    @ParameterizedTest(name = "{0} parses to a valid ParsedDocument event")
    @MethodSource("nl.kamerqa.parser.ScoredFixturesTest#fixtures")
    void parseOfEverySampleValidatesAgainstTheParsedDocumentSchema(String name, String input, String goldFile) {
        JsonNode event = MAPPER.readTree(MAPPER.writeValueAsString(PARSER.parse(Samples.bytes(input))));

        assertThat(SCHEMA.validate(event)).as(name).isEmpty();
    }

    /** The published schema allows unknown properties for consumers; the producer's output must not need that. */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties")) {
            object.put("unevaluatedProperties", false);
        }
        schema.forEach(ParsedDocumentSchemaTest::closed);
        return schema;
    }
}
