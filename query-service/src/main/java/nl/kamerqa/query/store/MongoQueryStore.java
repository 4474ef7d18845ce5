package nl.kamerqa.query.store;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import nl.kamerqa.query.QueryStore;
import nl.kamerqa.query.StoreUnavailableException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads documents and questions by id from the collections written by parser-service. Ids are user input and go
 * into {@link Filters#eq} only, never into a raw query document, so a value like {@code {"$ne": null}} is only
 * ever a string to compare with.
 * <p>
 * A document's questions are found by {@code _id}: parser-service's {@code contents} record of the document's content
 * names the question ids it wrote. The embedded MongoDB-wire server has no secondary indexes, so finding them by
 * {@code documentId} reads the whole questions collection (seconds at a million questions); that is only the fallback
 * for a store written before the contents records, or a document caught between its writes.
 */
@Repository
public class MongoQueryStore implements QueryStore {

    public static final String DOCUMENTS = "documents";
    public static final String QUESTIONS = "questions";
    /** parser-service's record per content hash: {documentId, parserVersion, questionIds, ...}. */
    public static final String CONTENTS = "contents";

    private static final Bson QUESTION_ORDER = Sorts.ascending("documentId", "seq", "_id");
    // the documents collection holds no questions; excluded anyway in case a writer ever embeds them
    private static final Bson WITHOUT_QUESTIONS = Projections.exclude("questions");

    private static final Comparator<Document> SEQ_ORDER = Comparator
            .comparingLong((Document q) -> q.get("seq") instanceof Number n ? n.longValue() : Long.MAX_VALUE)
            .thenComparing(q -> String.valueOf(q.get("_id")));

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> questions;
    private final MongoCollection<Document> contents;

    public MongoQueryStore(MongoDatabase database) {
        this.documents = database.getCollection(DOCUMENTS);
        this.questions = database.getCollection(QUESTIONS);
        this.contents = database.getCollection(CONTENTS);
    }

    @Override
    public Optional<Map<String, Object>> document(String documentId) {
        return guarded(() -> {
            Document stored = documents.find(Filters.eq("_id", documentId)).projection(WITHOUT_QUESTIONS).first();
            if (stored == null) {
                return Optional.empty();
            }
            Map<String, Object> json = StoredJson.of(stored);
            json.put("questions", questionsOf(documentId, stored).stream().map(StoredJson::of).toList());
            return Optional.of(json);
        });
    }

    /** The document's questions in seq order: by {@code _id} from its content record, else by documentId. */
    private List<Document> questionsOf(String documentId, Document stored) {
        Object sha = stored.get("contentSha256");
        Document content = sha == null ? null : contents.find(Filters.eq("_id", sha)).first();
        if (content != null && documentId.equals(content.get("documentId"))
                && content.get("questionIds") instanceof List<?> ids) {
            List<Document> found = questions.find(Filters.in("_id", ids)).into(new ArrayList<>());
            if (found.size() == ids.size()) { // else being rewritten right now: read it the slow, certain way
                found.sort(SEQ_ORDER);
                return found;
            }
        }
        return questions.find(Filters.eq("documentId", documentId)).sort(QUESTION_ORDER).into(new ArrayList<>());
    }

    @Override
    public Optional<Map<String, Object>> question(String id) {
        return guarded(() -> Optional.ofNullable(questions.find(Filters.eq("_id", id)).first()).map(StoredJson::of));
    }

    private static <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (MongoTimeoutException | MongoSocketException | MongoExecutionTimeoutException e) {
            throw new StoreUnavailableException("MongoDB did not answer in time: " + e.getMessage(), e);
        }
    }
}
