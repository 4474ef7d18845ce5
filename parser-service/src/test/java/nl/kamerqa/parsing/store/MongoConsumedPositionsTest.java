package nl.kamerqa.parsing.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.parsing.Origin;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The position entry is the one write parser-service makes durable on purpose ({@code w: majority, j: true}), whatever
 * the client's default; the documents before it are written with the default. Seen in the commands the driver sends.
 */
class MongoConsumedPositionsTest {

    private MongoServer server;
    private MongoClient client;
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(recorder).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void positionIsWrittenWithMajorityAndJournalWhileOtherWritesUseTheDefault() {
        MongoConsumedPositions positions = new MongoConsumedPositions(client.getDatabase("kamerqa"));
        client.getDatabase("kamerqa").getCollection(DocumentStore.DOCUMENTS).insertOne(new org.bson.Document("_id", "d"));

        positions.consumed("parser-service", new Origin("parliament.documents.raw", 1, 41));

        BsonDocument position = commands.stream()
                .filter(c -> c.containsKey("update") && c.getString("update").getValue().equals(MongoConsumedPositions.COLLECTION))
                .findFirst().orElseThrow();
        assertThat(position.getDocument("writeConcern").getString("w").getValue()).isEqualTo("majority");
        assertThat(position.getDocument("writeConcern").getBoolean("j").getValue()).isTrue();
        BsonDocument document = commands.stream().filter(c -> c.containsKey("insert")).findFirst().orElseThrow();
        assertThat(document.containsKey("writeConcern")).as("the document write uses the client's default").isFalse();
        assertThat(positions.nextOffsets("parser-service", "parliament.documents.raw", List.of(0, 1)))
                .containsExactly(java.util.Map.entry(1, 42L));
    }

    @Test
    void aBatchOfOriginsKeepsTheHighestOffsetOfEachPartitionInOneWrite() {
        MongoConsumedPositions positions = new MongoConsumedPositions(client.getDatabase("kamerqa"));
        commands.clear();
        String topic = "parliament.documents.raw";

        positions.consumedAll("parser-service", List.of(new Origin(topic, 0, 7), new Origin(topic, 2, 30),
                new Origin(topic, 0, 9), new Origin(topic, 0, 8)));

        assertThat(commands).filteredOn(c -> c.containsKey("update")).hasSize(1);
        assertThat(positions.nextOffsets("parser-service", topic, List.of(0, 1, 2)))
                .containsOnly(java.util.Map.entry(0, 10L), java.util.Map.entry(2, 31L));
    }
}
