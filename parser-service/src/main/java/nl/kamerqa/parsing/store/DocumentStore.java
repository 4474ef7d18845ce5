package nl.kamerqa.parsing.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.annotation.PostConstruct;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parsing.StoredResult;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
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
        return currentContents(List.of(contentSha256), parserVersion).contains(contentSha256);
    }

    /** Those of the content hashes that are current in the sense of {@link #isCurrent}; two reads for all of them. */
    public Set<String> currentContents(Collection<String> contentSha256s, String parserVersion) {
        // content hash to the documentId it was published under; several hashes may name one documentId
        Map<String, String> published = new HashMap<>();
        for (Document content : contents.find(in("_id", List.copyOf(contentSha256s)))) {
            if (parserVersion.equals(content.getString("parserVersion")) && content.get("publishedAt") != null) {
                published.put(content.getString("_id"), content.getString("documentId"));
            }
        }
        if (published.isEmpty()) {
            return Set.of();
        }
        Map<String, String> heldContent = new HashMap<>();
        for (Document document : documents.find(in("_id", List.copyOf(new HashSet<>(published.values()))))
                .projection(include("contentSha256"))) {
            heldContent.put(document.getString("_id"), document.getString("contentSha256"));
        }
        Set<String> current = new HashSet<>();
        published.forEach((sha, documentId) -> {
            if (sha.equals(heldContent.get(documentId))) {
                current.add(sha);
            }
        });
        return current;
    }

    /** One result; see {@link #saveAll(List)}. */
    public void save(ParsedDocument parsed, String contentSha256, String parserVersion) {
        saveAll(List.of(new StoredResult(parsed, contentSha256, parserVersion)));
    }

    /**
     * Upserts each document and its questions, removes questions a re-parse no longer finds, and removes an older
     * result for the same content stored under another id (e.g. {@code sha256:...} before the parser learned the
     * official id). Questions are written before their documents, so a reader that sees a document also sees its
     * questions; the content records last, so a replay after a crash still finds what the previous results left
     * behind.
     *
     * <p>Results are written together, one bulk write per collection, as long as they are independent of one another:
     * a result that repeats a documentId or content hash of an earlier one, or whose content is stored under another
     * id, starts a new write, after the state is read again, so the end state is that of saving them one by one.
     */
    public void saveAll(List<StoredResult> results) {
        int from = 0;
        while (from < results.size()) {
            List<StoredResult> rest = results.subList(from, results.size());
            Snapshot before = read(rest);
            int independent = before.independentPrefix(rest);
            write(rest.subList(0, independent), before);
            from += independent;
        }
    }

    /** What the store holds for these results, in three reads by {@code _id}. */
    private Snapshot read(List<StoredResult> results) {
        Map<String, Document> contentRecords = byId(contents.find(in("_id",
                results.stream().map(StoredResult::contentSha256).distinct().toList())));
        Map<String, Document> previousDocuments = byId(documents.find(in("_id",
                results.stream().map(StoredResult::documentId).distinct().toList()))
                .projection(include("contentSha256")));
        List<String> previousHashes = previousDocuments.values().stream()
                .map(d -> d.getString("contentSha256"))
                .filter(sha -> sha != null && !contentRecords.containsKey(sha))
                .distinct().toList();
        if (!previousHashes.isEmpty()) {
            contentRecords.putAll(byId(contents.find(in("_id", previousHashes))));
        }
        return new Snapshot(contentRecords, previousDocuments);
    }

    private static Map<String, Document> byId(Iterable<Document> found) {
        Map<String, Document> byId = new HashMap<>();
        found.forEach(d -> byId.put(d.getString("_id"), d));
        return byId;
    }

    private record Snapshot(Map<String, Document> contentRecords, Map<String, Document> previousDocuments) {

        /**
         * How many results from the start can be written together with the state just read: at least one; a result
         * whose content moves from another id (which deletes that id) is written alone.
         */
        int independentPrefix(List<StoredResult> results) {
            if (olderId(results.get(0)) != null) {
                return 1;
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < results.size(); k++) {
                StoredResult result = results.get(k);
                boolean repeats = !seen.add("id:" + result.documentId()) | !seen.add("sha:" + result.contentSha256());
                if (repeats || olderId(result) != null) {
                    return k;
                }
            }
            return results.size();
        }

        /** The other documentId this content is stored under, or null. */
        String olderId(StoredResult result) {
            Document sameContent = contentRecords.get(result.contentSha256());
            String stored = sameContent == null ? null : sameContent.getString("documentId");
            return stored == null || stored.equals(result.documentId()) ? null : stored;
        }

        /**
         * The question ids the document's current content wrote, or null when that is not recorded (older stores).
         */
        Set<String> previousQuestionIds(String documentId) {
            Document previous = previousDocuments.get(documentId);
            if (previous == null) {
                return Set.of();
            }
            String previousSha = previous.getString("contentSha256");
            Document content = previousSha == null ? null : contentRecords.get(previousSha);
            return content == null || !documentId.equals(content.getString("documentId")) ? null
                    : new HashSet<>(content.getList("questionIds", String.class, List.of()));
        }

        /** The question ids this content wrote under its other documentId. */
        List<String> olderQuestionIds(StoredResult result) {
            return contentRecords.get(result.contentSha256()).getList("questionIds", String.class, List.of());
        }
    }

    private void write(List<StoredResult> results, Snapshot before) {
        List<WriteModel<Document>> questionWrites = new ArrayList<>();
        List<WriteModel<Document>> documentWrites = new ArrayList<>();
        List<WriteModel<Document>> contentWrites = new ArrayList<>();
        List<String> olderIds = new ArrayList<>();
        List<String> olderQuestionIds = new ArrayList<>();
        for (StoredResult result : results) {
            String documentId = result.documentId();
            List<Document> questionRecords = questionRecords(result.document());
            List<String> questionIds = questionRecords.stream().map(q -> q.getString("_id")).toList();
            questionRecords.forEach(q -> questionWrites.add(new ReplaceOneModel<>(eq("_id", q.get("_id")), q, UPSERT)));

            Set<String> previous = before.previousQuestionIds(documentId);
            if (previous == null) {
                // a store written before the contents collection existed: find them by documentId (a full scan there)
                questionWrites.add(new DeleteManyModel<>(and(eq("documentId", documentId), nin("_id", questionIds))));
            } else {
                previous.stream().filter(id -> !questionIds.contains(id))
                        .forEach(id -> questionWrites.add(new DeleteOneModel<>(eq("_id", id))));
            }
            documentWrites.add(new ReplaceOneModel<>(eq("_id", documentId),
                    documentRecord(result.document(), result.contentSha256(), result.parserVersion()), UPSERT));
            String olderId = before.olderId(result);
            if (olderId != null) {
                olderIds.add(olderId);
                olderQuestionIds.addAll(before.olderQuestionIds(result));
            }
            // without publishedAt: stored again, so its event is to be published again
            contentWrites.add(new ReplaceOneModel<>(eq("_id", result.contentSha256()),
                    new Document("_id", result.contentSha256())
                            .append("documentId", documentId)
                            .append("parserVersion", result.parserVersion())
                            .append("questionIds", questionIds)
                            .append("updatedAt", new Date()), UPSERT));
        }
        bulk(questions, questionWrites);
        bulk(documents, documentWrites);
        if (!olderIds.isEmpty()) {
            bulk(questions, olderQuestionIds.stream().<WriteModel<Document>>map(id -> new DeleteOneModel<>(eq("_id", id)))
                    .toList());
            bulk(documents, olderIds.stream().<WriteModel<Document>>map(id -> new DeleteOneModel<>(eq("_id", id)))
                    .toList());
            log.info("Removed {}: the same content is now stored under another id", olderIds);
        }
        bulk(contents, contentWrites);
        log.debug("Stored {} documents, {} question writes", results.size(), questionWrites.size());
    }

    private static void bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** Marks the stored result as published, unless a newer result replaced it meanwhile. */
    public void markPublished(String documentId, String contentSha256, String parserVersion) {
        markPublished(List.of(new Published(documentId, contentSha256, parserVersion)));
    }

    /** Marks each stored result as published, unless a newer result replaced it meanwhile; two writes for all. */
    public void markPublishedAll(List<StoredResult> results) {
        markPublished(results.stream()
                .map(r -> new Published(r.documentId(), r.contentSha256(), r.parserVersion()))
                .toList());
    }

    private record Published(String documentId, String contentSha256, String parserVersion) {
    }

    private void markPublished(List<Published> published) {
        Date now = new Date();
        bulk(documents, published.stream().<WriteModel<Document>>map(p -> new UpdateOneModel<>(
                and(eq("_id", p.documentId()), eq("contentSha256", p.contentSha256()),
                        eq("parserVersion", p.parserVersion())),
                Updates.set("publishedAt", now))).toList());
        bulk(contents, published.stream().<WriteModel<Document>>map(p -> new UpdateOneModel<>(
                and(eq("_id", p.contentSha256()), eq("documentId", p.documentId()),
                        eq("parserVersion", p.parserVersion())),
                Updates.set("publishedAt", now))).toList());
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
