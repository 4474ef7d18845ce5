package nl.kamerqa.ingest.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import nl.kamerqa.ingest.feed.FeedItem;
import nl.kamerqa.ingest.feed.FeedItems;
import nl.kamerqa.ingest.feed.SourceStateUnavailableException;
import org.bson.Document;
import org.springframework.stereotype.Repository;

import java.util.Date;
import java.util.Optional;

/**
 * The {@code feed_items} collection: {@code _id} = source + ":" + the source's item id; source, key, stamp,
 * outcome, documentId, contentSha256, reason, at.
 */
@Repository
public class MongoFeedItems implements FeedItems {

    public static final String COLLECTION = "feed_items";

    private final MongoCollection<Document> collection;

    public MongoFeedItems(MongoDatabase kamerqaDatabase) {
        this.collection = kamerqaDatabase.getCollection(COLLECTION);
    }

    @Override
    public Optional<FeedItem> find(String source, String key) {
        try {
            Document d = collection.find(Filters.eq("_id", id(source, key))).first();
            return Optional.ofNullable(d).map(MongoFeedItems::fromBson);
        } catch (MongoException e) {
            throw new SourceStateUnavailableException("could not read item " + id(source, key) + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public void record(FeedItem item) {
        Document d = new Document("_id", id(item.source(), item.key()))
                .append("source", item.source())
                .append("key", item.key())
                .append("stamp", item.stamp())
                .append("outcome", item.outcome().name())
                .append("documentId", item.documentId())
                .append("contentSha256", item.contentSha256())
                .append("reason", item.reason())
                .append("at", Date.from(item.at()));
        try {
            collection.replaceOne(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            throw new SourceStateUnavailableException("could not record item " + d.get("_id") + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String id(String source, String key) {
        return source + ":" + key;
    }

    private static FeedItem fromBson(Document d) {
        Date at = d.getDate("at");
        return new FeedItem(d.getString("source"), d.getString("key"), d.getString("stamp"),
                FeedItem.Outcome.valueOf(d.getString("outcome")), d.getString("documentId"),
                d.getString("contentSha256"), d.getString("reason"), at == null ? null : at.toInstant());
    }
}
