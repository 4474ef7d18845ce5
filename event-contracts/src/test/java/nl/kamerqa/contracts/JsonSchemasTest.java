package nl.kamerqa.contracts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed schemas are what {@link EventSchemaGenerator} makes of the records today, and name every component.
 * After changing a record, regenerate them with
 * {@code ./mvnw -B -o -q -pl event-contracts test -Dtest=JsonSchemasTest -Dkamerqa.regenerate-schemas=true}.
 */
class JsonSchemasTest {

    private static final String REGENERATE = "kamerqa.regenerate-schemas";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void committedRawDocumentSchemaIsGeneratedFromTheRecord() throws IOException {
        assertCommitted(ContractFiles.RAW_DOCUMENT_SCHEMA,
                EventSchemaGenerator.generate(RawDocument.class, RawDocument.SCHEMA_VERSION));
    }

    @Test
    void committedParsedDocumentSchemaIsGeneratedFromTheRecords() throws IOException {
        assertCommitted(ContractFiles.PARSED_DOCUMENT_SCHEMA,
                EventSchemaGenerator.generate(ParsedDocument.class, ParsedDocument.SCHEMA_VERSION));
    }

    @Test
    void everyComponentOfTheRawDocumentHasASchemaEntry() {
        assertEveryComponentDescribed(RawDocument.class, ContractFiles.RAW_DOCUMENT_SCHEMA);
    }

    @Test
    void everyComponentOfTheParsedDocumentAndItsNestedRecordsHasASchemaEntry() {
        assertEveryComponentDescribed(ParsedDocument.class, ContractFiles.PARSED_DOCUMENT_SCHEMA);
    }

    @Test
    void schemaVersionIsRequiredAndFixedToTheRecordsVersion() {
        JsonNode parsed = JSON.readTree(ContractFiles.read(ContractFiles.PARSED_DOCUMENT_SCHEMA));
        assertThat(parsed.path("properties").path("schemaVersion").path("const").asInt())
                .isEqualTo(ParsedDocument.SCHEMA_VERSION);
        assertThat(parsed.path("required").valueStream().map(JsonNode::asString)).contains("schemaVersion");
        assertThat(parsed.path("description").asString()).contains("only grows by new optional properties");
    }

    private static void assertCommitted(String name, String generated) throws IOException {
        Path file = EventSchemaGenerator.RESOURCES.resolve(name);
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(file, generated);
        }
        assertThat(Files.exists(file) ? Files.readString(file) : "")
                .as("%s is not what the records generate; regenerate it with ./mvnw -B -o -q -pl event-contracts test "
                        + "-Dtest=JsonSchemasTest -D%s=true and commit it", file, REGENERATE)
                .isEqualTo(generated);
    }

    /** Reads the packaged schema, so this fails also when the committed file lacks a component. */
    private static void assertEveryComponentDescribed(Class<? extends Record> event, String name) {
        JsonNode schema = JSON.readTree(ContractFiles.read(name));
        List<String> missing = new ArrayList<>();
        for (Class<?> record : recordsReachableFrom(event)) {
            JsonNode properties = (record == event ? schema : schema.path("$defs").path(record.getSimpleName()))
                    .path("properties");
            for (RecordComponent component : record.getRecordComponents()) {
                if (!properties.has(component.getName())) {
                    missing.add(record.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(missing).as("record components without an entry in %s", name).isEmpty();
    }

    private static Set<Class<?>> recordsReachableFrom(Class<?> root) {
        Set<Class<?>> found = new LinkedHashSet<>();
        collect(root, found);
        return found;
    }

    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                collect(argument, found);
            }
        } else if (type instanceof Class<?> c && c.isRecord() && found.add(c)) {
            for (RecordComponent component : c.getRecordComponents()) {
                collect(component.getGenericType(), found);
            }
        }
    }
}
