package nl.kamerqa.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document names the topics the services use, and its examples are valid events. */
class AsyncApiDocumentTest {

    private static final JsonNode ASYNCAPI = new YAMLMapper().readTree(ContractFiles.read(ContractFiles.ASYNCAPI));
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void isAnAsyncApi3DocumentOfTheThreeTopics() {
        assertThat(ASYNCAPI.path("asyncapi").asString()).isEqualTo("3.0.0");
        Set<String> addresses = ASYNCAPI.path("channels").valueStream()
                .map(channel -> channel.path("address").asString()).collect(Collectors.toSet());
        assertThat(addresses).containsExactlyInAnyOrder(Topics.RAW, Topics.PARSED, Topics.RAW_DLT);
    }

    @Test
    void everyOperationUsesADeclaredChannel() {
        assertThat(ASYNCAPI.path("operations").valueStream()
                .map(operation -> operation.path("channel").path("$ref").asString()))
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(ASYNCAPI.at(ref.substring(1)).isObject()).as(ref).isTrue());
    }

    @Test
    void messagesCarryTheCloudEventTypesOfTheContracts() {
        JsonNode messages = ASYNCAPI.path("components").path("messages");
        assertThat(messages.at("/RawDocument/headers/properties/ce_type/const").asString())
                .isEqualTo(CloudEventHeaders.TYPE_RAW);
        assertThat(messages.at("/ParsedDocument/headers/properties/ce_type/const").asString())
                .isEqualTo(CloudEventHeaders.TYPE_PARSED);
        assertThat(messages.at("/ParsedDocument/headers/required").valueStream().map(JsonNode::asString))
                .contains(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                        CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                        CloudEventHeaders.CONTENT_TYPE);
    }

    @Test
    void everyExamplePayloadIsAValidEventThatUsesOnlyDescribedProperties() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> message : ASYNCAPI.path("components").path("messages").properties()) {
            String file = message.getValue().path("payload").path("$ref").asString();
            assertThat(ContractFiles.ALL).as("payload of %s", message.getKey()).contains(file);
            Schema strict = SCHEMAS.getSchema(closed(JsonMapper.shared().readTree(ContractFiles.read(file))));
            assertThat(message.getValue().path("examples").size()).as("examples of %s", message.getKey()).isPositive();
            for (JsonNode example : message.getValue().path("examples")) {
                for (Error error : strict.validate(example.path("payload"))) {
                    problems.add(message.getKey() + " " + example.path("name").asString() + ": " + error);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyExampleHasTheHeadersItsMessageRequires() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> message : ASYNCAPI.path("components").path("messages").properties()) {
            Schema headers = SCHEMAS.getSchema(message.getValue().path("headers"));
            for (JsonNode example : message.getValue().path("examples")) {
                for (Error error : headers.validate(example.path("headers"))) {
                    problems.add(message.getKey() + " " + example.path("name").asString() + ": " + error);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The schema without room for undeclared properties: the published schemas allow them (a consumer ignores what
     * it does not know), but an example, taken from what the services write, must not need that.
     */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties")) {
            object.put("unevaluatedProperties", false);
        }
        schema.forEach(AsyncApiDocumentTest::closed);
        return schema;
    }
}
