package nl.kamerqa.query.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.query.StoredSamples;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document's questions are read by {@code _id} where parser-service's content record names them: the embedded
 * MongoDB-wire server would read the whole questions collection for a {@code documentId} filter.
 */
class MongoQueryStoreTest {

    private static final String ID = StoredSamples.SCHRIFTELIJK_OVERLEG;

    private final List<String> questionFilters = Collections.synchronizedList(new ArrayList<>());
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase db;
    private MongoQueryStore store;

    @BeforeEach
    void seed() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && "questions".equals(event.getCommand().getString("find").getValue())) {
                    questionFilters.add(event.getCommand().getDocument("filter").toJson());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(recorder).build());
        db = client.getDatabase("kamerqa-store");
        StoredSamples.storeAll(db);
        store = new MongoQueryStore(db);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void questionsNamedByTheContentRecordAreReadByIdInSeqOrder() {
        String sha = db.getCollection("documents").find(eq("_id", ID)).first().getString("contentSha256");
        // written in another order than seq, to show the answer is sorted, not taken from the list
        db.getCollection("contents").insertOne(new Document("_id", sha).append("documentId", ID)
                .append("questionIds", List.of(ID + "#10", ID + "#2", ID + "#1", ID + "#8", ID + "#7")));

        assertThat(numbers(store.document(ID).orElseThrow())).containsExactly("1", "2", "7", "8", "10");
        assertThat(questionFilters).singleElement().asString().contains("\"_id\"").contains("$in")
                .doesNotContain("documentId");
    }

    @Test
    void withoutAContentRecordTheQuestionsAreFoundByDocumentId() {
        assertThat(numbers(store.document(ID).orElseThrow())).containsExactly("1", "2", "7", "8", "10");
        assertThat(questionFilters).singleElement().asString().contains("documentId");
    }

    @Test
    void aContentRecordNamingQuestionsNotAllStoredFallsBackToTheDocumentIdRead() {
        String sha = db.getCollection("documents").find(eq("_id", ID)).first().getString("contentSha256");
        db.getCollection("contents").insertOne(new Document("_id", sha).append("documentId", ID)
                .append("questionIds", List.of(ID + "#1", ID + "#99")));

        assertThat(numbers(store.document(ID).orElseThrow())).containsExactly("1", "2", "7", "8", "10");
        assertThat(questionFilters).hasSize(2).last().asString().contains("documentId");
    }

    @SuppressWarnings("unchecked")
    private static List<String> numbers(Map<String, Object> document) {
        return ((List<Map<String, Object>>) document.get("questions")).stream()
                .map(q -> String.valueOf(q.get("number"))).toList();
    }
}
