package nl.kamerqa.query.store;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored BSON to JSON-ready values: the fields as stored, {@code _id} renamed to {@code id} (first), and the BSON
 * types Jackson does not know turned into plain ones (Date to Instant, i.e. ISO-8601 in JSON).
 */
final class StoredJson {

    private StoredJson() {
    }

    static Map<String, Object> of(Document stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", plain(stored.get("_id")));
        stored.forEach((key, value) -> {
            if (!key.equals("_id") && !key.equals("id")) {
                json.put(key, plain(value));
            }
        });
        return json;
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.isNaN() || decimal.isInfinite() ? decimal.toString() : decimal.bigDecimalValue();
        }
        return value;
    }
}
