package nl.kamerqa.ingest.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import nl.kamerqa.ingest.feed.Counts;
import nl.kamerqa.ingest.feed.SourceState;
import nl.kamerqa.ingest.feed.SourceStateUnavailableException;
import nl.kamerqa.ingest.feed.SourceStates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code checkpoints} collection: {@code _id} = source name; {@code checkpoint} (the source's resume point),
 * {@code lastSuccess}, {@code lastError}, {@code lastErrorAt}, {@code counts} {fetched, published, duplicates,
 * failed, deleted}, {@code updatedAt}. Counts are added with {@code $inc} in the same write as the checkpoint, so
 * they agree with it after a crash.
 */
@Repository
public class MongoSourceStates implements SourceStates {

    public static final String COLLECTION = "checkpoints";

    private final MongoCollection<Document> collection;

    public MongoSourceStates(MongoDatabase kamerqaDatabase) {
        this.collection = kamerqaDatabase.getCollection(COLLECTION);
    }

    @Override
    public SourceState load(String source) {
        try {
            Document d = collection.find(Filters.eq("_id", source)).first();
            return d == null ? SourceState.empty(source) : fromBson(d);
        } catch (MongoException e) {
            throw unavailable("read the checkpoint of " + source, e);
        }
    }

    @Override
    public List<SourceState> all() {
        try {
            List<SourceState> states = new ArrayList<>();
            collection.find().forEach(d -> states.add(fromBson(d)));
            return states;
        } catch (MongoException e) {
            throw unavailable("read the checkpoints", e);
        }
    }

    @Override
    public void saveProgress(String source, Map<String, String> checkpoint, Counts delta) {
        List<Bson> updates = new ArrayList<>();
        if (checkpoint != null) {
            updates.add(Updates.set("checkpoint", new Document(new LinkedHashMap<>(checkpoint))));
        }
        inc(updates, "fetched", delta.fetched());
        inc(updates, "published", delta.published());
        inc(updates, "duplicates", delta.duplicates());
        inc(updates, "failed", delta.failed());
        inc(updates, "deleted", delta.deleted());
        if (updates.isEmpty()) {
            return;
        }
        updates.add(Updates.set("updatedAt", new Date()));
        update(source, updates, "save the checkpoint of " + source);
    }

    @Override
    public void recordSuccess(String source, Instant at) {
        update(source, List.of(Updates.set("lastSuccess", Date.from(at)), Updates.set("updatedAt", new Date())),
                "record a success of " + source);
    }

    @Override
    public void recordError(String source, String message, Instant at) {
        update(source, List.of(Updates.set("lastError", message), Updates.set("lastErrorAt", Date.from(at)),
                Updates.set("updatedAt", new Date())), "record an error of " + source);
    }

    private void update(String source, List<Bson> updates, String what) {
        try {
            collection.updateOne(Filters.eq("_id", source), Updates.combine(updates), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            throw unavailable(what, e);
        }
    }

    private static void inc(List<Bson> updates, String field, long by) {
        if (by != 0) {
            updates.add(Updates.inc("counts." + field, by));
        }
    }

    private static SourceState fromBson(Document d) {
        Map<String, String> checkpoint = new LinkedHashMap<>();
        Document cp = d.get("checkpoint", Document.class);
        if (cp != null) {
            cp.forEach((k, v) -> checkpoint.put(k, String.valueOf(v)));
        }
        Document c = d.get("counts", Document.class);
        Counts counts = c == null ? Counts.ZERO : new Counts(number(c, "fetched"), number(c, "published"),
                number(c, "duplicates"), number(c, "failed"), number(c, "deleted"));
        return new SourceState(d.getString("_id"), checkpoint, instant(d.getDate("lastSuccess")),
                d.getString("lastError"), instant(d.getDate("lastErrorAt")), counts);
    }

    private static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static SourceStateUnavailableException unavailable(String what, MongoException e) {
        return new SourceStateUnavailableException("could not " + what + " (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + ")", e);
    }
}
