package nl.kamerqa.query.search;

import org.apache.lucene.index.IndexReader;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values computed from one point-in-time reader (facet ordinals, dashboard statistics), kept until the index changes:
 * a dashboard polling every few seconds then costs one computation per index refresh, not one per request.
 */
final class ReaderCache {

    private record Generation(IndexReader reader, Map<Object, Object> values) {
    }

    private volatile Generation current = new Generation(null, new ConcurrentHashMap<>());

    @SuppressWarnings("unchecked")
    <T> T get(IndexReader reader, Object key, Supplier<T> compute) {
        Generation generation = current;
        if (generation.reader() != reader) {
            generation = new Generation(reader, new ConcurrentHashMap<>());
            current = generation;
        }
        Object value = generation.values().get(key);
        if (value == null) {
            value = compute.get();
            if (value != null) { // nothing to keep yet (e.g. an empty index): computed again next time
                generation.values().put(key, value);
            }
        }
        return (T) value;
    }
}
