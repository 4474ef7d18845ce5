package nl.kamerqa.ingest.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import nl.kamerqa.ingest.IngestedDocument;
import nl.kamerqa.ingest.IngestedDocuments;
import nl.kamerqa.ingest.IntakeUnavailableException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code ingested} collection: {@code _id} = contentSha256, so the primary key itself makes a content unique.
 * Written as a plain document (not via Jackson) so {@code receivedAt} is a BSON date. Entries without a
 * {@code published} field were written before feeds existed and were all published.
 */
@Repository
public class MongoIngestedDocuments implements IngestedDocuments {

    public static final String COLLECTION = "ingested";

    private static final Logger log = LoggerFactory.getLogger(MongoIngestedDocuments.class);

    private final MongoCollection<Document> collection;
    // created on first use, not at start-up, so the service starts while MongoDB is away
    private final AtomicBoolean indexed = new AtomicBoolean();

    public MongoIngestedDocuments(MongoDatabase kamerqaDatabase) {
        this.collection = kamerqaDatabase.getCollection(COLLECTION);
    }

    @Override
    public List<IngestedDocument> findByDocumentId(String documentId) {
        try {
            if (indexed.compareAndSet(false, true)) {
                collection.createIndex(Indexes.ascending("documentId", "receivedAt"));
            }
            List<IngestedDocument> entries = new ArrayList<>();
            collection.find(Filters.eq("documentId", documentId)).sort(Sorts.ascending("receivedAt"))
                    .forEach(d -> entries.add(fromBson(d)));
            return entries;
        } catch (MongoException e) {
            indexed.set(false);
            log.warn("Ledger lookup of {} failed: {}", documentId, e.toString());
            throw new IntakeUnavailableException("document store unavailable (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public Optional<IngestedDocument> find(String contentSha256) {
        try {
            return Optional.ofNullable(collection.find(Filters.eq("_id", contentSha256)).first())
                    .map(MongoIngestedDocuments::fromBson);
        } catch (MongoException e) {
            log.warn("Ledger lookup of {} failed: {}", contentSha256, e.toString());
            throw new IntakeUnavailableException("document store unavailable (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public void record(IngestedDocument d) {
        Document bson = new Document("_id", d.contentSha256())
                .append("documentId", d.documentId())
                .append("source", d.source())
                .append("sourceUrl", d.sourceUrl())
                .append("title", d.title())
                .append("contentType", d.contentType())
                .append("size", d.size())
                .append("receivedAt", Date.from(d.receivedAt()))
                .append("published", d.published());
        try {
            collection.insertOne(bson);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw unavailable(d, e);
            }
            // a concurrent upload of the same bytes recorded it first; its entry stands
            log.debug("Content {} was recorded concurrently; keeping the first entry", d.contentSha256());
        } catch (MongoException e) {
            throw unavailable(d, e);
        }
    }

    private static IntakeUnavailableException unavailable(IngestedDocument d, MongoException e) {
        return new IntakeUnavailableException("could not record " + d.contentSha256() + " in the document store ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    private static IngestedDocument fromBson(Document d) {
        Number size = d.get("size", Number.class);
        Date receivedAt = d.getDate("receivedAt");
        return new IngestedDocument(d.getString("_id"), d.getString("documentId"), d.getString("source"),
                d.getString("sourceUrl"), d.getString("title"), d.getString("contentType"),
                size == null ? 0 : size.longValue(), receivedAt == null ? null : receivedAt.toInstant(),
                !Boolean.FALSE.equals(d.getBoolean("published")));
    }
}
