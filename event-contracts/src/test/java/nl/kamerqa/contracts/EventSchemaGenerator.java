package nl.kamerqa.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the JSON Schema (2020-12) of an event record as Jackson 3 puts it on the wire in the services: record
 * components in declaration order, byte arrays as base64 strings, and {@code null}s left out where the record says
 * {@code @JsonInclude(NON_NULL)}. Descriptions come from the records' Javadoc ({@link RecordJavadoc}).
 * <p>
 * Which properties are required follows from the records, not from a list here: primitives, and lists and maps
 * (the records' constructors turn null into empty), are always written; so is every component of a record without
 * {@code NON_NULL}, then possibly as {@code null}.
 */
final class EventSchemaGenerator {

    static final Path RESOURCES = Path.of("src/main/resources/nl/kamerqa/contracts");

    /** The evolution rule, in every schema's description; docs/ARCHITECTURE.md says what a breaking change does. */
    static final String EVOLUTION = "Evolution: within one schemaVersion this schema only grows by new optional "
            + "properties; nothing is removed, renamed, retyped or made required, so a consumer ignores properties it "
            + "does not know. Any other change is breaking: it raises schemaVersion (the const below), and a consumer "
            + "does not read events of a schemaVersion newer than its own (parser-service dead-letters them).";

    private EventSchemaGenerator() {
    }

    /** The schema of {@code type}, whose {@code schemaVersion} component is fixed to {@code schemaVersion}. */
    static String generate(Class<? extends Record> type, int schemaVersion) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS);
        config.forTypesInGeneral()
                .withCustomDefinitionProvider(EventSchemaGenerator::wireFormatOf)
                .withDescriptionResolver(scope -> scope.getType().isInstanceOf(Record.class)
                        ? RecordJavadoc.of(scope.getType().getErasedType()).summary : null)
                // declaration order (the order Jackson writes them in) instead of alphabetical
                .withPropertySorter((a, b) -> 0);
        config.forFields()
                .withRequiredCheck(field -> !field.isFakeContainerItemScope() && alwaysWritten(field))
                .withNullableCheck(field -> !field.isFakeContainerItemScope() && !field.getType().isPrimitive()
                        && !omitsNulls(field))
                .withDescriptionResolver(field -> field.isFakeContainerItemScope() ? null
                        : RecordJavadoc.of(field.getDeclaringType().getErasedType()).params.get(field.getName()))
                .withInstanceAttributeOverride((node, field, context) -> {
                    if (field.getName().equals("schemaVersion") && field.getDeclaringType().getErasedType() == type) {
                        node.put("const", schemaVersion);
                    }
                });
        ObjectNode generated = new SchemaGenerator(config.build()).generateSchema(type);
        ObjectNode schema = generated.objectNode();
        schema.set("$schema", generated.remove("$schema"));
        schema.put("title", type.getSimpleName());
        schema.put("description", (generated.path("description").asText("") + " " + EVOLUTION).strip());
        generated.remove("description");
        JsonNode definitions = generated.remove("$defs");
        schema.setAll(generated);
        if (definitions != null) {
            schema.set("$defs", definitions);
        }
        return schema.toPrettyString().replace("\r\n", "\n") + "\n";
    }

    /** Jackson writes byte[] as one base64 string, and a map as an object of its values. */
    private static CustomDefinition wireFormatOf(ResolvedType javaType, SchemaGenerationContext context) {
        ObjectNode node = context.getGeneratorConfig().createObjectNode();
        if (javaType.isInstanceOf(byte[].class)) {
            node.put("type", "string").put("contentEncoding", "base64");
        } else if (javaType.isInstanceOf(Map.class)) {
            node.put("type", "object").set("additionalProperties",
                    context.createDefinitionReference(javaType.getTypeParameters().get(1)));
        } else {
            return null;
        }
        return new CustomDefinition(node, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES);
    }

    private static boolean alwaysWritten(FieldScope field) {
        Class<?> type = field.getType().getErasedType();
        return type.isPrimitive() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || !omitsNulls(field);
    }

    private static boolean omitsNulls(FieldScope field) {
        JsonInclude include = field.getDeclaringType().getErasedType().getAnnotation(JsonInclude.class);
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }
}
