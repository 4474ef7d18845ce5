package nl.kamerqa.parsing.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import nl.kamerqa.contracts.ParsedDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Projections.include;

/**
 * The {@code documents} and {@code questions} collections (layout shared with query-service). Writes are idempotent
 * upserts keyed by {@code _id}, so a replayed event converges to the same state without transactions (which
 * mongo-java-server does not support).
 */
@Component
public class DocumentStore {

    public static final String DOCUMENTS = "documents";
    public static final String QUESTIONS = "questions";

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);
    private static final Pattern NUMERIC = Pattern.compile("\\d{1,9}");
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> questions;
    private final JsonMapper mapper;

    public DocumentStore(MongoDatabase database, JsonMapper mapper) {
        this.documents = database.getCollection(DOCUMENTS);
        this.questions = database.getCollection(QUESTIONS);
        this.mapper = mapper;
    }

    /** Runs at start-up, before the listener starts; creating an existing index is a no-op. */
    @PostConstruct
    public void ensureIndexes() {
        questions.createIndex(Indexes.ascending("documentId", "seq"));
        questions.createIndex(Indexes.ascending("party"));
        // Dutch stemming and stop words; only real MongoDB can query it, mongo-java-server just accepts it
        questions.createIndex(Indexes.compoundIndex(Indexes.text("text"), Indexes.text("answer.text")),
                new IndexOptions().name("text_answer.text").defaultLanguage("dutch"));
        // the idempotency check looks documents up by content and parser version
        documents.createIndex(Indexes.ascending("contentSha256", "parserVersion"));
    }

    /** True when this content was parsed by this parser version and its event was published. */
    public boolean isCurrent(String contentSha256, String parserVersion) {
        return documents.find(and(eq("contentSha256", contentSha256), eq("parserVersion", parserVersion),
                        exists("publishedAt")))
                .projection(include("_id"))
                .first() != null;
    }

    /**
     * Upserts the document and its questions, removes questions a re-parse no longer finds, and removes an older
     * result for the same content stored under another id (e.g. {@code sha256:...} before the parser learned the
     * official id). The document is written last, so a reader that sees it also sees its questions.
     */
    public void save(ParsedDocument parsed, String contentSha256, String parserVersion) {
        String documentId = parsed.documentId();

        List<Document> questionRecords = questionRecords(parsed);
        List<String> questionIds = questionRecords.stream().map(q -> q.getString("_id")).toList();
        if (!questionRecords.isEmpty()) {
            questions.bulkWrite(questionRecords.stream()
                    .map(q -> new ReplaceOneModel<>(eq("_id", q.get("_id")), q, UPSERT))
                    .toList(), new BulkWriteOptions().ordered(false));
        }
        long stale = questions.deleteMany(and(eq("documentId", documentId), nin("_id", questionIds))).getDeletedCount();

        documents.replaceOne(eq("_id", documentId), documentRecord(parsed, contentSha256, parserVersion), UPSERT);

        for (Document older : documents.find(and(eq("contentSha256", contentSha256), ne("_id", documentId)))
                .projection(include("_id"))) {
            Object olderId = older.get("_id");
            questions.deleteMany(eq("documentId", olderId));
            documents.deleteOne(eq("_id", olderId));
            log.info("Removed {}: the same content is now stored as {}", olderId, documentId);
        }
        log.debug("Stored {}: {} questions, {} stale questions removed", documentId, questionIds.size(), stale);
    }

    /** Marks the stored result as published, unless a newer result replaced it meanwhile. */
    public void markPublished(String documentId, String contentSha256, String parserVersion) {
        documents.updateOne(and(eq("_id", documentId), eq("contentSha256", contentSha256),
                        eq("parserVersion", parserVersion)),
                Updates.set("publishedAt", new Date()));
    }

    private Document documentRecord(ParsedDocument parsed, String contentSha256, String parserVersion) {
        Document record = new Document("_id", parsed.documentId());
        Map<String, Object> fields = toMap(parsed);
        fields.remove("questions");
        record.putAll(fields);
        record.put("questionCount", parsed.questions().size());
        record.put("contentSha256", contentSha256);
        record.put("parserVersion", parserVersion);
        record.put("updatedAt", new Date());
        return record;
    }

    /**
     * {@code _id} is documentId#number. A question without a number, or repeating a number already used in this
     * document, gets {@code @position} appended instead of overwriting the earlier one.
     */
    private List<Document> questionRecords(ParsedDocument parsed) {
        List<Document> records = new ArrayList<>();
        Set<String> usedKeys = new HashSet<>();
        int position = 0;
        for (ParsedDocument.Question question : parsed.questions()) {
            position++;
            String number = question.number();
            boolean hasNumber = number != null && !number.isBlank();
            String key = hasNumber ? number : "@" + position;
            if (!usedKeys.add(key)) {
                key = key + "@" + position;
                usedKeys.add(key);
                log.warn("{}: question number {} occurs more than once; stored the one at position {} as {}",
                        parsed.documentId(), number, position, key);
            }
            Document record = new Document("_id", parsed.documentId() + "#" + key);
            record.put("documentId", parsed.documentId());
            record.putAll(toMap(question));
            // sort key: the printed number where it is one, else the position in the document
            record.put("seq", hasNumber && NUMERIC.matcher(number).matches() ? Integer.parseInt(number) : position);
            putIfPresent(record, "genre", parsed.genre());
            putIfPresent(record, "dossier", parsed.dossier());
            putIfPresent(record, "vergaderjaar", parsed.vergaderjaar());
            putIfPresent(record, "ondernummer", parsed.ondernummer());
            records.add(record);
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(Object value) {
        return new LinkedHashMap<>(mapper.convertValue(value, Map.class));
    }

    private static void putIfPresent(Document record, String field, Object value) {
        if (value != null) {
            record.put(field, value);
        }
    }
}
