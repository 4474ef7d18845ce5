package nl.kamerqa.parsing.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parsing.Samples;
import nl.kamerqa.parsing.StoredResult;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** The documents/questions layout query-service reads, on the in-memory MongoDB-wire server. */
class DocumentStoreTest {

    private static final String SHA = "a".repeat(64);
    private static final String VERSION = "1.2.3";

    private static MongoServer server;
    private static MongoClient client;

    private MongoDatabase database;
    private MongoCollection<Document> documents;
    private MongoCollection<Document> questions;
    private DocumentStore store;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("kamerqa");
        database.drop();
        documents = database.getCollection(DocumentStore.DOCUMENTS);
        questions = database.getCollection(DocumentStore.QUESTIONS);
        store = new DocumentStore(database, JsonMapper.builder().build());
        store.ensureIndexes();
    }

    @Test
    void storingTheSameDocumentTwiceLeavesOneDocumentAndTheSameQuestions() {
        ParsedDocument parsed = Samples.parsed("kst-1", 3);

        store.save(parsed, SHA, VERSION);
        List<Document> first = questionsOf("kst-1");
        store.save(parsed, SHA, VERSION);

        assertThat(documents.countDocuments()).isEqualTo(1);
        assertThat(questions.countDocuments()).isEqualTo(3);
        assertThat(questionsOf("kst-1")).isEqualTo(first);
        assertThat(documents.find(eq("_id", "kst-1")).first().getInteger("questionCount")).isEqualTo(3);
    }

    @Test
    void reparseWithFewerQuestionsRemovesTheStaleOnes() {
        store.save(Samples.parsed("kst-1", 5), SHA, VERSION);
        store.save(Samples.parsed("kst-2", 2), "b".repeat(64), VERSION);

        store.save(Samples.parsed("kst-1", 3), SHA, "1.2.4");

        assertThat(questionsOf("kst-1")).extracting(q -> q.getString("_id"))
                .containsExactly("kst-1#1", "kst-1#2", "kst-1#3");
        assertThat(questionsOf("kst-2")).hasSize(2); // another document's questions are untouched
        Document document = documents.find(eq("_id", "kst-1")).first();
        assertThat(document.getInteger("questionCount")).isEqualTo(3);
        assertThat(document.getString("parserVersion")).isEqualTo("1.2.4");
    }

    @Test
    void reparseOfAStoreWrittenBeforeTheContentsCollectionStillRemovesTheStaleQuestions() {
        store.save(Samples.parsed("kst-1", 5), SHA, VERSION);
        database.getCollection(DocumentStore.CONTENTS).drop(); // as an older parser-service left it

        store.save(Samples.parsed("kst-1", 3), "b".repeat(64), VERSION);

        assertThat(questionsOf("kst-1")).extracting(q -> q.getString("_id"))
                .containsExactly("kst-1#1", "kst-1#2", "kst-1#3");
    }

    @Test
    void contentRecordSaysWhichDocumentAndQuestionsAContentWrote() {
        store.save(Samples.parsed("kst-1", 2), SHA, VERSION);

        Document content = database.getCollection(DocumentStore.CONTENTS).find(eq("_id", SHA)).first();
        assertThat(content.getString("documentId")).isEqualTo("kst-1");
        assertThat(content.getString("parserVersion")).isEqualTo(VERSION);
        assertThat(content.getList("questionIds", String.class)).containsExactly("kst-1#1", "kst-1#2");
        assertThat(content).doesNotContainKey("publishedAt");
    }

    @Test
    void contentReplacedByNewerContentUnderTheSameIdIsNoLongerCurrent() {
        store.save(Samples.parsed("kst-1", 1), SHA, VERSION);
        store.markPublished("kst-1", SHA, VERSION);

        store.save(Samples.parsed("kst-1", 1), "b".repeat(64), VERSION);

        assertThat(store.isCurrent(SHA, VERSION)).isFalse();
    }

    @Test
    void documentRecordHoldsTheParsedFieldsButNotTheQuestions() {
        ParsedDocument parsed = Samples.parsed("kst-1", 2)
                .withProvenance(new ParsedDocument.Provenance("raw", 2, 41L, SHA, "upload"));

        store.save(parsed, SHA, VERSION);

        Document document = documents.find(eq("_id", "kst-1")).first();
        assertThat(document).containsKeys("_id", "schemaVersion", "documentId", "genre", "title", "kamer",
                        "vergaderjaar", "dossier", "ondernummer", "parties", "footnotes", "references", "warnings",
                        "parser", "provenance", "questionCount", "contentSha256", "parserVersion", "updatedAt")
                .doesNotContainKeys("questions", "publishedAt");
        assertThat(document.getString("dossier")).isEqualTo("36 200 VII");
        assertThat(document.getList("parties", String.class)).containsExactly("VVD", "D66");
        assertThat(document.get("parser", Document.class).getString("version")).isEqualTo(parsed.parser().version());
        assertThat(document.get("updatedAt")).isInstanceOf(Date.class);
        Document provenance = document.get("provenance", Document.class);
        assertThat(provenance.getString("topic")).isEqualTo("raw");
        assertThat(provenance.getInteger("partition")).isEqualTo(2);
        assertThat(((Number) provenance.get("offset")).longValue()).isEqualTo(41L);
        assertThat(provenance.getString("contentSha256")).isEqualTo(SHA);
        assertThat(provenance.getString("source")).isEqualTo("upload");
        List<Document> footnotes = document.getList("footnotes", Document.class);
        assertThat(footnotes).singleElement().satisfies(f -> assertThat(f.getInteger("page")).isEqualTo(7));
    }

    @Test
    void questionRecordsCarryTheirDocumentsContextAndASortKey() {
        store.save(Samples.parsed("kst-1", 12), SHA, VERSION);

        Document twelve = questions.find(eq("_id", "kst-1#12")).first();
        assertThat(twelve.getString("documentId")).isEqualTo("kst-1");
        assertThat(twelve.getString("number")).isEqualTo("12");
        assertThat(twelve.getInteger("seq")).isEqualTo(12);
        assertThat(twelve.getString("party")).isEqualTo("D66");
        assertThat(twelve.getString("text")).isEqualTo("De leden van de D66-fractie vragen 12.");
        assertThat(twelve.getInteger("page")).isEqualTo(4);
        assertThat(twelve.getInteger("line")).isEqualTo(10);
        assertThat(twelve.getList("footnotes", Integer.class)).containsExactly(1);
        Document answer = twelve.get("answer", Document.class);
        assertThat(answer.getString("text")).isEqualTo("Antwoord op vraag 12.");
        assertThat(answer.getList("covers", String.class)).containsExactly("12");
        assertThat(answer.getInteger("page")).isEqualTo(5);
        assertThat(twelve).containsEntry("genre", "SCHRIFTELIJK_OVERLEG").containsEntry("dossier", "36 200 VII")
                .containsEntry("vergaderjaar", "2022–2023").containsEntry("ondernummer", "147");
        // numeric sort, not string sort: 2 comes before 12
        assertThat(questions.find(eq("documentId", "kst-1")).sort(new Document("seq", 1)))
                .extracting(q -> q.getString("number")).startsWith("1", "2", "3");
    }

    @Test
    void questionsWithoutANumberOrWithARepeatedNumberAreAllKept() {
        List<ParsedDocument.Question> list = new ArrayList<>();
        list.add(Samples.question("1", "VVD"));
        list.add(Samples.question(null, "PVV"));
        list.add(Samples.question("1", "SP"));
        list.add(Samples.question("3a", "GL"));

        store.save(Samples.withQuestions("kst-1", list), SHA, VERSION);

        assertThat(questionsOf("kst-1")).extracting(q -> q.getString("_id") + " " + q.getInteger("seq"))
                .containsExactlyInAnyOrder("kst-1#1 1", "kst-1#@2 2", "kst-1#1@3 1", "kst-1#3a 4");
    }

    @Test
    void sameContentStoredUnderItsOfficialIdReplacesTheContentHashRecord() {
        String hashId = "sha256:" + SHA;
        store.save(Samples.parsed(hashId, 2), SHA, "1.0.0");

        store.save(Samples.parsed("kst-36200-VII-147", 2), SHA, "2.0.0");

        assertThat(documents.find()).extracting(d -> d.getString("_id")).containsExactly("kst-36200-VII-147");
        assertThat(questions.find()).extracting(q -> q.getString("documentId")).containsOnly("kst-36200-VII-147");
    }

    @Test
    void contentCountsAsCurrentOnlyOnceItsEventWasPublishedByTheSameParserVersion() {
        store.save(Samples.parsed("kst-1", 1), SHA, VERSION);
        assertThat(store.isCurrent(SHA, VERSION)).as("stored, not yet published").isFalse();

        store.markPublished("kst-1", SHA, VERSION);
        assertThat(store.isCurrent(SHA, VERSION)).isTrue();
        assertThat(store.isCurrent(SHA, "9.9.9")).as("another parser version").isFalse();
        assertThat(store.isCurrent("b".repeat(64), VERSION)).as("other content").isFalse();

        store.save(Samples.parsed("kst-1", 1), SHA, VERSION);
        assertThat(store.isCurrent(SHA, VERSION)).as("re-stored, so to be published again").isFalse();
    }

    @Test
    void markingPublishedLeavesANewerResultForTheSameIdUnpublished() {
        store.save(Samples.parsed("kst-1", 1), "b".repeat(64), VERSION);

        store.markPublished("kst-1", SHA, VERSION);

        assertThat(documents.find(eq("_id", "kst-1")).first()).doesNotContainKey("publishedAt");
    }

    @Test
    void startUpCreatesTheIndexesQueriesNeed() {
        List<Document> indexes = questions.listIndexes().into(new ArrayList<>());

        assertThat(indexes).extracting(i -> i.get("key", Document.class).keySet().toString())
                .contains("[documentId, seq]", "[party]");
        assertThat(indexes).extracting(i -> i.getString("name")).contains("text_answer.text");
        assertThat(documents.listIndexes().into(new ArrayList<>()))
                .extracting(i -> i.get("key", Document.class).keySet().toString())
                .contains("[contentSha256, parserVersion]");
    }

    @Test
    void aBatchEndsInTheSameStateAsSavingItsResultsOneByOne() {
        // before: A holds content X, C holds content Z
        List<StoredResult> before = List.of(
                result("kst-A", 5, "x"), result("kst-C", 3, "z"));
        // the batch moves X to B, gives A new content, shrinks C, stores D twice, and moves C's old content Z to E
        List<StoredResult> batch = List.of(
                result("kst-B", 2, "x"), result("kst-A", 4, "y"), result("kst-C", 1, "w"),
                result("kst-D", 2, "d"), result("kst-D", 3, "e"), result("kst-E", 2, "z"), result("kst-F", 6, "f"));
        MongoDatabase oneByOne = client.getDatabase("kamerqa-one-by-one");
        oneByOne.drop();
        DocumentStore sequential = new DocumentStore(oneByOne, JsonMapper.builder().build());
        before.forEach(r -> sequential.saveAll(List.of(r)));
        batch.forEach(r -> sequential.saveAll(List.of(r)));

        store.saveAll(before);
        store.saveAll(batch);

        for (String collection : List.of(DocumentStore.DOCUMENTS, DocumentStore.QUESTIONS, DocumentStore.CONTENTS)) {
            assertThat(contentsOf(database, collection)).as(collection)
                    .isEqualTo(contentsOf(oneByOne, collection))
                    .isNotEmpty();
        }
        assertThat(documents.find()).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder("kst-A", "kst-B", "kst-D", "kst-E", "kst-F");
        assertThat(questions.countDocuments(eq("documentId", "kst-D"))).isEqualTo(3);
    }

    @Test
    void currentContentsAnswersForManyHashesAtOnce() {
        store.saveAll(List.of(result("kst-1", 1, "a"), result("kst-2", 1, "b"), result("kst-3", 1, "c")));
        store.markPublishedAll(List.of(result("kst-1", 1, "a"), result("kst-3", 1, "c")));

        assertThat(store.currentContents(List.of("a".repeat(64), "b".repeat(64), "c".repeat(64), "d".repeat(64)),
                VERSION)).containsExactlyInAnyOrder("a".repeat(64), "c".repeat(64));
    }

    @Test
    void ofTwoPublishedContentsUnderOneIdOnlyTheOneItHoldsIsCurrent() {
        store.saveAll(List.of(result("kst-1", 1, "a")));
        store.markPublishedAll(List.of(result("kst-1", 1, "a")));
        store.saveAll(List.of(result("kst-1", 2, "b")));
        store.markPublishedAll(List.of(result("kst-1", 2, "b")));

        assertThat(store.currentContents(List.of("a".repeat(64), "b".repeat(64)), VERSION))
                .containsExactly("b".repeat(64));
        assertThat(store.currentContents(List.of("b".repeat(64), "a".repeat(64)), VERSION))
                .containsExactly("b".repeat(64));
    }

    private static StoredResult result(String documentId, int questionCount, String shaLetter) {
        return new StoredResult(Samples.parsed(documentId, questionCount), shaLetter.repeat(64), VERSION);
    }

    /** Every record without its write time, sorted by {@code _id}. */
    private static List<Document> contentsOf(MongoDatabase database, String collection) {
        List<Document> records = database.getCollection(collection).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
        records.forEach(r -> r.remove("updatedAt"));
        return records;
    }

    private List<Document> questionsOf(String documentId) {
        return questions.find(eq("documentId", documentId)).sort(new Document("seq", 1)).into(new ArrayList<>());
    }
}
