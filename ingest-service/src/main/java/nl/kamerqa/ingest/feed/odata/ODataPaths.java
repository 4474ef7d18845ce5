package nl.kamerqa.ingest.feed.odata;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the field paths of {@link nl.kamerqa.ingest.config.FeedProperties.ODataMapping} on an OData item:
 * {@code Kamerstukdossier/Nummer} walks expanded navigation properties; a collection on the way contributes
 * all its elements, optionally narrowed with {@code DocumentActor[Relatie=Indiener]}.
 */
final class ODataPaths {

    private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]/]+)(?:\\[([^=\\]]+)=([^\\]]*)])?");

    private ODataPaths() {
    }

    /** Every non-empty scalar the path reaches, in document order, without repeats. */
    static List<String> values(JsonNode item, String path) {
        if (path == null || path.isBlank() || item == null) {
            return List.of();
        }
        List<JsonNode> nodes = List.of(item);
        for (String segment : path.strip().split("/")) {
            Matcher m = SEGMENT.matcher(segment.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not an OData field path segment: '" + segment + "' in " + path);
            }
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                for (JsonNode element : elements(node)) {
                    JsonNode child = element.get(m.group(1));
                    if (child == null || child.isNull()) {
                        continue;
                    }
                    for (JsonNode candidate : elements(child)) {
                        if (m.group(2) == null || m.group(3).equalsIgnoreCase(text(candidate.get(m.group(2))))) {
                            next.add(candidate);
                        }
                    }
                }
            }
            nodes = next;
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode node : nodes) {
            String text = text(node);
            if (text != null && !text.isBlank()) {
                values.add(text.strip());
            }
        }
        return List.copyOf(values);
    }

    static String first(JsonNode item, String path) {
        List<String> v = values(item, path);
        return v.isEmpty() ? null : v.get(0);
    }

    static String joined(JsonNode item, String path) {
        List<String> v = values(item, path);
        return v.isEmpty() ? null : String.join("; ", v);
    }

    private static List<JsonNode> elements(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            node.forEach(list::add);
            return list;
        }
        return List.of(node);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainer()) {
            return null;
        }
        return node.asString();
    }
}
