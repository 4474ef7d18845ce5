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
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads documents and questions by id from the collections written by parser-service. Ids are user input and go
 * into {@link Filters#eq} only, never into a raw query document, so a value like {@code {"$ne": null}} is only
 * ever a string to compare with.
 */
@Repository
public class MongoQueryStore implements QueryStore {

    public static final String DOCUMENTS = "documents";
    public static final String QUESTIONS = "questions";

    private static final Bson QUESTION_ORDER = Sorts.ascending("documentId", "seq", "_id");
    // the documents collection holds no questions; excluded anyway in case a writer ever embeds them
    private static final Bson WITHOUT_QUESTIONS = Projections.exclude("questions");

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> questions;

    public MongoQueryStore(MongoDatabase database) {
        this.documents = database.getCollection(DOCUMENTS);
        this.questions = database.getCollection(QUESTIONS);
    }

    @Override
    public Optional<Map<String, Object>> document(String documentId) {
        return guarded(() -> {
            Document stored = documents.find(Filters.eq("_id", documentId)).projection(WITHOUT_QUESTIONS).first();
            if (stored == null) {
                return Optional.empty();
            }
            Map<String, Object> json = StoredJson.of(stored);
            json.put("questions", questions.find(Filters.eq("documentId", documentId)).sort(QUESTION_ORDER)
                    .map(StoredJson::of).into(new ArrayList<>()));
            return Optional.of(json);
        });
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
