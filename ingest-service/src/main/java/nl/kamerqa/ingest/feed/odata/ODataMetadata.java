package nl.kamerqa.ingest.feed.odata;

import nl.kamerqa.ingest.config.FeedProperties.ODataMapping;
import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.SafeXml;
import nl.kamerqa.ingest.feed.odata.ODataPaths.Segment;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service's {@code $metadata} (CSDL) says about its entity sets and types, enough to tell whether the
 * field paths of a mapping exist: the v5 mapping has no official source, so the service itself is asked.
 */
final class ODataMetadata {

    /** An entity type: its properties, navigation properties by their target type, and its base type. */
    private record EntityType(Map<String, String> navigation, List<String> properties, String baseType) {
    }

    private final Map<String, EntityType> types;
    private final Map<String, String> entitySets;

    private ODataMetadata(Map<String, EntityType> types, Map<String, String> entitySets) {
        this.types = types;
        this.entitySets = entitySets;
    }

    static ODataMetadata parse(byte[] csdl) throws FeedException {
        Map<String, EntityType> types = new HashMap<>();
        Map<String, String> entitySets = new HashMap<>();
        try {
            XMLStreamReader r = SafeXml.reader(csdl);
            try {
                EntityType current = null;
                while (r.hasNext()) {
                    if (r.next() != XMLStreamReader.START_ELEMENT) {
                        continue;
                    }
                    String name = r.getAttributeValue(null, "Name");
                    switch (r.getLocalName()) {
                        case "EntityType" -> {
                            current = new EntityType(new HashMap<>(), new ArrayList<>(),
                                    simpleName(r.getAttributeValue(null, "BaseType")));
                            types.put(name, current);
                        }
                        case "Property" -> {
                            if (current != null) {
                                current.properties().add(name);
                            }
                        }
                        case "NavigationProperty" -> {
                            if (current != null) {
                                current.navigation().put(name, simpleName(r.getAttributeValue(null, "Type")));
                            }
                        }
                        case "EntitySet" -> entitySets.put(name, simpleName(r.getAttributeValue(null, "EntityType")));
                        default -> {
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FeedException("malformed $metadata: " + e.getMessage(), e);
        }
        if (entitySets.isEmpty()) {
            throw new FeedException("$metadata names no entity set");
        }
        return new ODataMetadata(types, entitySets);
    }

    /** One line per mapped field the service does not have, naming the setting that overrides it. */
    List<String> missing(ODataMapping mapping) {
        String type = entitySets.get(mapping.entitySet());
        if (type == null) {
            return List.of("entity set '" + mapping.entitySet() + "' (kamerqa.feeds.odata.mapping.entity-set) is not "
                    + "in $metadata, which has " + entitySets.keySet().stream().sorted().toList());
        }
        List<String> missing = new ArrayList<>();
        mapping.fieldPaths().forEach((field, path) -> {
            String problem = problem(type, path);
            if (problem != null) {
                missing.add("'" + path + "' (kamerqa.feeds.odata.mapping." + field + "): " + problem);
            }
        });
        return missing;
    }

    /** Why the path does not exist from the given entity type, or null when it does. */
    private String problem(String type, String path) {
        List<Segment> segments = ODataPaths.segments(path);
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            String target = navigation(type, segment.property());
            boolean last = i == segments.size() - 1;
            if (target == null && !(last && hasProperty(type, segment.property()))) {
                return type + " has no " + (last ? "property " : "navigation property ") + segment.property();
            }
            if (segment.filterProperty() != null && target != null && !hasProperty(target, segment.filterProperty())) {
                return target + " has no property " + segment.filterProperty();
            }
            type = target;
        }
        return null;
    }

    private String navigation(String type, String property) {
        for (EntityType t = types.get(type); t != null; t = types.get(t.baseType())) {
            if (t.navigation().containsKey(property)) {
                return t.navigation().get(property);
            }
        }
        return null;
    }

    private boolean hasProperty(String type, String property) {
        for (EntityType t = types.get(type); t != null; t = types.get(t.baseType())) {
            if (t.properties().contains(property)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Collection(tkData.Kamerstukdossier)} and {@code tkData.Kamerstukdossier} → {@code Kamerstukdossier}. */
    private static String simpleName(String qualified) {
        if (qualified == null) {
            return null;
        }
        String name = qualified.strip();
        if (name.startsWith("Collection(") && name.endsWith(")")) {
            name = name.substring("Collection(".length(), name.length() - 1);
        }
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
