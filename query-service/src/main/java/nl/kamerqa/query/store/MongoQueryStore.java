package nl.kamerqa.query.store;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import nl.kamerqa.query.Page;
import nl.kamerqa.query.PageRequest;
import nl.kamerqa.query.QueryStore;
import nl.kamerqa.query.QuestionFilter;
import nl.kamerqa.query.StoreUnavailableException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the {@code documents} and {@code questions} collections written by parser-service. Every filter value is
 * user input and goes into {@link Filters#eq} or a quoted pattern, never into a raw query document, so a value
 * like {@code {"$ne": null}} is only ever a string to compare with.
 */
@Repository
public class MongoQueryStore implements QueryStore {

    public static final String DOCUMENTS = "documents";
    public static final String QUESTIONS = "questions";

    // _id breaks ties, so paging is stable when two documents share updatedAt or two questions share seq
    private static final Bson DOCUMENT_ORDER = Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id"));
    private static final Bson QUESTION_ORDER = Sorts.ascending("documentId", "seq", "_id");
    // the documents collection holds no questions; excluded anyway in case a writer ever embeds them
    private static final Bson WITHOUT_QUESTIONS = Projections.exclude("questions");

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> questions;
    private final QuestionSearch search;

    public MongoQueryStore(MongoDatabase database, QuestionSearch search) {
        this.documents = database.getCollection(DOCUMENTS);
        this.questions = database.getCollection(QUESTIONS);
        this.search = search;
    }

    @Override
    public Page<Map<String, Object>> documents(PageRequest page) {
        return guarded(() -> {
            long total = documents.countDocuments();
            List<Map<String, Object>> items = pageOf(page)
                    ? documents.find().projection(WITHOUT_QUESTIONS).sort(DOCUMENT_ORDER)
                            .skip((int) page.offset()).limit(page.size())
                            .map(StoredJson::of).into(new ArrayList<>())
                    : List.of();
            return new Page<>(items, page.page(), page.size(), total);
        });
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
    public Page<Map<String, Object>> questions(QuestionFilter filter, PageRequest page) {
        return guarded(() -> {
            Bson query = toQuery(filter);
            long total = questions.countDocuments(query);
            List<Map<String, Object>> items = pageOf(page)
                    ? questions.find(query).sort(QUESTION_ORDER).skip((int) page.offset()).limit(page.size())
                            .map(StoredJson::of).into(new ArrayList<>())
                    : List.of();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public Optional<Map<String, Object>> question(String id) {
        return guarded(() -> Optional.ofNullable(questions.find(Filters.eq("_id", id)).first()).map(StoredJson::of));
    }

    /** Package-visible so a test can check that user input never becomes an operator. */
    Bson toQuery(QuestionFilter filter) {
        List<Bson> criteria = new ArrayList<>();
        if (filter.party() != null) {
            // exact party, any case: anchored and quoted, so "d66" finds "D66" but "D" or ".*" find nothing
            criteria.add(Filters.regex("party", "^" + Pattern.quote(filter.party()) + "$", "i"));
        }
        if (filter.documentId() != null) {
            criteria.add(Filters.eq("documentId", filter.documentId()));
        }
        if (filter.text() != null) {
            criteria.add(search.filter(filter.text()));
        }
        return criteria.isEmpty() ? new Document() : Filters.and(criteria);
    }

    /** False when the page lies beyond what skip() can express; such a page is empty anyway. */
    private static boolean pageOf(PageRequest page) {
        return page.offset() <= Integer.MAX_VALUE;
    }

    private static <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (MongoTimeoutException | MongoSocketException | MongoExecutionTimeoutException e) {
            throw new StoreUnavailableException("MongoDB did not answer in time: " + e.getMessage(), e);
        }
    }
}
