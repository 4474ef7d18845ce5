package nl.kamerqa.parsing.store;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import nl.kamerqa.parsing.ConsumedPositions;
import nl.kamerqa.parsing.Origin;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The {@code consumer_offsets} collection: one entry per group, topic and partition, written after everything a
 * batch of records led to is stored and acknowledged (document stored, parsed event acknowledged and marked, or dead letter
 * acknowledged). The entry is written with {@code w: majority, j: true}: MongoDB acknowledges it only once it, and
 * so every write this service made before it (the journal and the replication log are in order), is durable. The
 * writes before it need no such wait, so a store that loses its last writes (a hard kill, a crash of MongoDB, a
 * failover) loses them only together with the entry, and the records are consumed again.
 */
@Component
public class MongoConsumedPositions implements ConsumedPositions {

    public static final String COLLECTION = "consumer_offsets";
    /** Whatever the client's default: this write is what makes the ones before it count. */
    public static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> entries;

    public MongoConsumedPositions(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION).withWriteConcern(DURABLE);
    }

    /** One entry per partition, with the highest offset given for it; one durable bulk write for all. */
    @Override
    public void consumedAll(String group, Collection<Origin> origins) {
        Map<String, Origin> lastPerPartition = new LinkedHashMap<>();
        for (Origin origin : origins) {
            lastPerPartition.merge(id(group, origin.topic(), origin.partition()), origin,
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        if (lastPerPartition.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        lastPerPartition.forEach((id, origin) -> writes.add(new ReplaceOneModel<>(eq("_id", id),
                new Document("_id", id)
                        .append("group", group)
                        .append("topic", origin.topic())
                        .append("partition", origin.partition())
                        .append("nextOffset", origin.offset() + 1)
                        .append("updatedAt", now), UPSERT)));
        entries.bulkWrite(writes);
    }

    @Override
    public Map<Integer, Long> nextOffsets(String group, String topic, Collection<Integer> partitions) {
        Map<String, Integer> byId = new HashMap<>();
        partitions.forEach(p -> byId.put(id(group, topic, p), p));
        Map<Integer, Long> next = new HashMap<>();
        for (Document entry : entries.find(in("_id", List.copyOf(byId.keySet())))) {
            Number offset = entry.get("nextOffset", Number.class);
            Integer partition = byId.get(entry.getString("_id"));
            if (offset != null && partition != null) {
                next.put(partition, offset.longValue());
            }
        }
        return next;
    }

    private static String id(String group, String topic, int partition) {
        return group + "/" + topic + "/" + partition;
    }
}
