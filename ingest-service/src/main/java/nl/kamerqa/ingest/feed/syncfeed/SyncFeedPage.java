package nl.kamerqa.ingest.feed.syncfeed;

import java.util.List;
import java.util.Map;

/**
 * One Atom page of the SyncFeed.
 *
 * @param entries the entries in feed order
 * @param next    the feed-level {@code link rel="next"}, null on the last page
 * @param resume  the feed-level {@code link rel="resume"} of a caught-up page: where to ask again later; else null
 */
public record SyncFeedPage(List<Entry> entries, String next, String resume) {

    public SyncFeedPage {
        entries = List.copyOf(entries);
    }

    /**
     * One entry: an entity version.
     *
     * @param title     the entity's GUID
     * @param updated   the Atom {@code updated} time
     * @param next      the entry-level {@code link rel="next"}: the page that starts after this entry
     * @param enclosure the {@code link rel="enclosure"} to the file, null when the entity has none
     * @param entity    the entity in {@code content}, null when the entry has none
     */
    public record Entry(String title, String updated, String next, String enclosure, Entity entity) {
    }

    /**
     * The entity inside an entry's content, read by local names whatever prefix (tk:, ns1:, none) the feed used.
     *
     * @param type       element name: document, kamerstukdossier, ...
     * @param attributes attributes by local name (id, bijgewerkt, verwijderd, contentType, contentLength)
     * @param fields     child elements' text by local name; a field with {@code xsi:nil="true"} is absent
     * @param refs       the {@code ref} attributes of child elements by local name (zaak, kamerstukdossier, ...)
     */
    public record Entity(String type, Map<String, String> attributes, Map<String, String> fields,
                         Map<String, List<String>> refs) {

        public String id() {
            return attributes.get("id");
        }

        public String bijgewerkt() {
            return attributes.get("bijgewerkt");
        }

        /** {@code verwijderd="true"}; real entries also carry "True", which is no xs:boolean but means the same. */
        public boolean deleted() {
            return "true".equalsIgnoreCase(attributes.getOrDefault("verwijderd", "false").strip());
        }

        public String field(String name) {
            return fields.get(name);
        }

        public String ref(String name) {
            List<String> r = refs.get(name);
            return r == null || r.isEmpty() ? null : r.get(0);
        }
    }
}
