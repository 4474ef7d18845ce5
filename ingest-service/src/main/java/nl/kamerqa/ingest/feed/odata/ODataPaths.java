package nl.kamerqa.ingest.feed.odata;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode node : walk(item, path.strip())) {
            String text = text(node);
            if (text != null && !text.isBlank()) {
                values.add(text.strip());
            }
        }
        return List.copyOf(values);
    }

    /**
     * The first values of paths that end in the same node, one row per such node: {@code Kamerstukdossier/Nummer}
     * and {@code Kamerstukdossier/Toevoeging} give the (Nummer, Toevoeging) of each dossier of the array, never the
     * number of one with the addition of another. Paths with different parents give one row of their first values.
     */
    static List<List<String>> rows(JsonNode item, String... paths) {
        String parent = parent(paths[0]);
        boolean shared = Arrays.stream(paths).allMatch(p -> p != null && Objects.equals(parent(p), parent));
        if (!shared || item == null) {
            return List.of(Arrays.stream(paths).map(p -> first(item, p)).toList());
        }
        List<JsonNode> nodes = parent.isEmpty() ? List.of(item) : walk(item, parent);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode node : nodes) {
            List<String> row = new ArrayList<>();
            for (String path : paths) {
                row.add(first(node, path.strip().substring(parent.isEmpty() ? 0 : parent.length() + 1)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One step of a field path: a property, for a collection optionally narrowed to elements with a value. */
    record Segment(String property, String filterProperty, String filterValue) {
    }

    /** The steps of a path such as {@code DocumentActor[Relatie=Indiener]/ActorNaam}. */
    static List<Segment> segments(String path) {
        List<Segment> segments = new ArrayList<>();
        for (String segment : path.strip().split("/")) {
            Matcher m = SEGMENT.matcher(segment.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not an OData field path segment: '" + segment + "' in " + path);
            }
            segments.add(new Segment(m.group(1), m.group(2), m.group(3)));
        }
        return segments;
    }

    /** The nodes the path reaches; a collection on the way contributes all its (matching) elements. */
    private static List<JsonNode> walk(JsonNode item, String path) {
        List<JsonNode> nodes = List.of(item);
        for (Segment segment : segments(path)) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                for (JsonNode element : elements(node)) {
                    JsonNode child = element.get(segment.property());
                    if (child == null || child.isNull()) {
                        continue;
                    }
                    for (JsonNode candidate : elements(child)) {
                        if (segment.filterProperty() == null || segment.filterValue()
                                .equalsIgnoreCase(text(candidate.get(segment.filterProperty())))) {
                            next.add(candidate);
                        }
                    }
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private static String parent(String path) {
        if (path == null) {
            return null;
        }
        String p = path.strip();
        return p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
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
