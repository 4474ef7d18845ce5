package nl.kamerqa.ingest.feed.sru;

import java.util.List;
import java.util.Map;

/**
 * One SRU record: the metadata of {@code gzd:originalData/overheidwetgeving:meta} (owmskern, owmsmantel, tpmeta)
 * by local element name, and the {@code gzd:itemUrl}s of {@code gzd:enrichedData} by manifestation.
 *
 * @param position the record's {@code recordPosition} in the result set, null when absent (a bare record); real
 *                 answers repeat positions, so it orders nothing by itself
 */
public record SruRecord(Map<String, List<String>> meta, Map<String, String> itemUrls, String preferredUrl,
                        Integer position) {

    public SruRecord {
        meta = Map.copyOf(meta);
        itemUrls = Map.copyOf(itemUrls);
    }

    public String first(String name) {
        List<String> values = meta.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        return meta.getOrDefault(name, List.of());
    }

    public String joined(String name) {
        List<String> values = meta.get(name);
        return values == null || values.isEmpty() ? null : String.join("; ", values);
    }

    public String identifier() {
        return first("identifier");
    }

    /** dcterms:modified, else the availability or document date: what changes when the publication does. */
    public String modified() {
        for (String name : new String[]{"modified", "available", "issued", "date"}) {
            if (first(name) != null) {
                return first(name);
            }
        }
        return "";
    }
}
