package nl.kamerqa.parsing.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
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
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Projections.include;

/**
 * The {@code documents} and {@code questions} collections (layout shared with query-service), and {@code contents},
 * which says per content hash under which documentId and parser version it was stored, which question records that
 * wrote and whether its event was published. Writes are idempotent upserts keyed by {@code _id}, so a replayed event
 * converges to the same state without transactions (which mongo-java-server does not support).
 *
 * <p>Every read and delete here goes by {@code _id}: the embedded MongoDB-wire server has no secondary indexes, so a
 * lookup by any other field reads the whole collection, which at a million questions takes seconds per document.
 */
@Component
public class DocumentStore {

    public static final String DOCUMENTS = "documents";
    public static final String QUESTIONS = "questions";
    public static final String CONTENTS = "contents";

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);
    private static final Pattern NUMERIC = Pattern.compile("\\d{1,9}");
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> questions;
    private final MongoCollection<Document> contents;
    private final JsonMapper mapper;

    public DocumentStore(MongoDatabase database, JsonMapper mapper) {
        this.documents = database.getCollection(DOCUMENTS);
        this.questions = database.getCollection(QUESTIONS);
        this.contents = database.getCollection(CONTENTS);
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
        documents.createIndex(Indexes.ascending("contentSha256", "parserVersion"));
    }

    /**
     * True when this content was parsed by this parser version, its event was published, and its document still
     * holds it (not replaced by other content since).
     */
    public boolean isCurrent(String contentSha256, String parserVersion) {
        Document content = contents.find(eq("_id", contentSha256)).first();
        if (content == null || !parserVersion.equals(content.getString("parserVersion"))
                || content.get("publishedAt") == null) {
            return false;
        }
        Document document = documents.find(eq("_id", content.getString("documentId")))
                .projection(include("contentSha256")).first();
        return document != null && contentSha256.equals(document.getString("contentSha256"));
    }

    /**
     * Upserts the document and its questions, removes questions a re-parse no longer finds, and removes an older
     * result for the same content stored under another id (e.g. {@code sha256:...} before the parser learned the
     * official id). The document is written after its questions, so a reader that sees it also sees its questions;
     * the content record last, so a replay after a crash still finds what the previous result left behind.
     */
    public void save(ParsedDocument parsed, String contentSha256, String parserVersion) {
        String documentId = parsed.documentId();
        Document sameContent = contents.find(eq("_id", contentSha256)).first();
        Set<String> previousQuestionIds = storedQuestionIds(documentId, contentSha256, sameContent);

        List<Document> questionRecords = questionRecords(parsed);
        List<String> questionIds = questionRecords.stream().map(q -> q.getString("_id")).toList();
        if (!questionRecords.isEmpty()) {
            questions.bulkWrite(questionRecords.stream()
                    .map(q -> new ReplaceOneModel<>(eq("_id", q.get("_id")), q, UPSERT))
                    .toList(), new BulkWriteOptions().ordered(false));
        }
        int stale = removeStaleQuestions(documentId, previousQuestionIds, questionIds);

        documents.replaceOne(eq("_id", documentId), documentRecord(parsed, contentSha256, parserVersion), UPSERT);

        if (sameContent != null && !documentId.equals(sameContent.getString("documentId"))) {
            String olderId = sameContent.getString("documentId");
            deleteQuestions(sameContent.getList("questionIds", String.class, List.of()));
            documents.deleteOne(eq("_id", olderId));
            log.info("Removed {}: the same content is now stored as {}", olderId, documentId);
        }
        // without publishedAt: stored again, so its event is to be published again
        contents.replaceOne(eq("_id", contentSha256), new Document("_id", contentSha256)
                .append("documentId", documentId)
                .append("parserVersion", parserVersion)
                .append("questionIds", questionIds)
                .append("updatedAt", new Date()), UPSERT);
        log.debug("Stored {}: {} questions, {} stale questions removed", documentId, questionIds.size(), stale);
    }

    /** Marks the stored result as published, unless a newer result replaced it meanwhile. */
    public void markPublished(String documentId, String contentSha256, String parserVersion) {
        Date now = new Date();
        documents.updateOne(and(eq("_id", documentId), eq("contentSha256", contentSha256),
                        eq("parserVersion", parserVersion)),
                Updates.set("publishedAt", now));
        contents.updateOne(and(eq("_id", contentSha256), eq("documentId", documentId),
                eq("parserVersion", parserVersion)), Updates.set("publishedAt", now));
    }

    /**
     * The question ids the document's current content wrote, or null when that is not recorded (older stores).
     * {@code sameContent} is this content's record, already read: a re-parse of the same content needs no second read.
     */
    private Set<String> storedQuestionIds(String documentId, String contentSha256, Document sameContent) {
        Document previous = documents.find(eq("_id", documentId)).projection(include("contentSha256")).first();
        if (previous == null) {
            return Set.of();
        }
        String previousSha = previous.getString("contentSha256");
        Document content = previousSha == null ? null
                : previousSha.equals(contentSha256) ? sameContent
                : contents.find(eq("_id", previousSha)).first();
        return content == null || !documentId.equals(content.getString("documentId")) ? null
                : new HashSet<>(content.getList("questionIds", String.class, List.of()));
    }

    private int removeStaleQuestions(String documentId, Set<String> previous, List<String> current) {
        if (previous == null) {
            // a store written before the contents collection existed: find them by documentId (a full scan there)
            return (int) questions.deleteMany(and(eq("documentId", documentId), nin("_id", current))).getDeletedCount();
        }
        List<String> stale = previous.stream().filter(id -> !current.contains(id)).toList();
        deleteQuestions(stale);
        return stale.size();
    }

    private void deleteQuestions(List<String> ids) {
        if (!ids.isEmpty()) {
            questions.bulkWrite(ids.stream().map(id -> new DeleteOneModel<Document>(eq("_id", id))).toList(),
                    new BulkWriteOptions().ordered(false));
        }
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
