package nl.kamerqa.localstack;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded MongoDB-wire server keeps write concerns: right after the reply to a journaled write, a copy of its
 * file (what a {@code kill -9} at that moment would leave on disk) already holds it and every write before it; other
 * writes reach the file within the commit interval. The plain H2 backend commits about once a second whatever the
 * write concern, so its copies miss the latest writes.
 */
class CommittingH2BackendTest {

    @Test
    void everyJournaledInsertReplaceAndDeleteIsInTheFileBeforeTheReply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo.mv");
        try (MongoWireServer server = MongoWireServer.onDisk(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("kamerqa").getCollection("documents")
                    .withWriteConcern(WriteConcern.JOURNALED);
            for (int i = 0; i < 10; i++) {
                documents.insertOne(new Document("_id", "d" + i).append("version", 1));
                assertThat(onDiskNow(file, dir, "insert-" + i)).as("after insert %d", i).containsEntry("d" + i, 1);

                documents.replaceOne(Filters.eq("_id", "d" + i), new Document("_id", "d" + i).append("version", 2));
                assertThat(onDiskNow(file, dir, "replace-" + i)).as("after replace %d", i).containsEntry("d" + i, 2);

                if (i > 0) {
                    documents.deleteOne(Filters.eq("_id", "d" + (i - 1)));
                    assertThat(onDiskNow(file, dir, "delete-" + i)).as("after delete %d", i)
                            .doesNotContainKey("d" + (i - 1));
                }
            }
        }
    }

    @Test
    void aJournaledWriteAlsoMakesTheUnjournaledWritesBeforeItDurable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo.mv");
        try (MongoWireServer server = MongoWireServer.onDisk(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("kamerqa").getCollection("documents");
            documents.insertOne(new Document("_id", "document").append("version", 1));
            documents.withWriteConcern(WriteConcern.MAJORITY.withJournal(true))
                    .insertOne(new Document("_id", "position").append("version", 1));

            assertThat(onDiskNow(file, dir, "both")).containsEntry("document", 1).containsEntry("position", 1);
        }
    }

    @Test
    void anUnjournaledWriteReachesTheFileWithinTheCommitInterval(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo.mv");
        try (MongoWireServer server = MongoWireServer.onDisk(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("kamerqa").getCollection("documents").insertOne(new Document("_id", "d").append("version", 1));

            AtomicInteger copies = new AtomicInteger();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(onDiskNow(file, dir, "later-" + copies.incrementAndGet())).containsEntry("d", 1));
        }
    }

    @Test
    void whatIsOnDiskIsNeverHalfACommandWhileOthersWriteAndCommitConcurrently(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo.mv");
        try (MongoWireServer server = MongoWireServer.onDisk(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> questions = client.getDatabase("kamerqa").getCollection("questions")
                    .withWriteConcern(WriteConcern.JOURNALED);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int batch = 0; writing.get() && batch < 30; batch++) {
                        List<ReplaceOneModel<Document>> upserts = new ArrayList<>();
                        for (int q = 0; q < 40; q++) {
                            String id = writer + "-" + batch + "#" + q;
                            upserts.add(new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id)
                                    .append("text", "x".repeat(100)), new ReplaceOptions().upsert(true)));
                        }
                        questions.bulkWrite(upserts);
                    }
                });
                thread.start();
                writers.add(thread);
            }
            for (int copy = 0; copy < 5; copy++) {
                Thread.sleep(40);
                assertThat(inconsistentIds(file, dir, "concurrent-" + copy)).as("copy %d", copy).isEmpty();
            }
            writing.set(false);
            for (Thread thread : writers) {
                thread.join();
            }
        }
    }

    /** Documents a full scan of the copy finds but an {@code _id} lookup does not: a commit inside a write. */
    private static List<String> inconsistentIds(Path file, Path dir, String name) throws Exception {
        Path copy = dir.resolve(name + ".mv");
        Files.copy(file, copy);
        MongoServer reader = new MongoServer(new H2Backend(copy.toString()));
        try (MongoClient client = MongoClients.create(reader.bindAndGetConnectionString())) {
            MongoCollection<Document> questions = client.getDatabase("kamerqa").getCollection("questions");
            List<String> inconsistent = new ArrayList<>();
            for (Document scanned : questions.find().projection(new Document("_id", 1)).batchSize(1000)) {
                if (questions.find(Filters.eq("_id", scanned.getString("_id"))).first() == null) {
                    inconsistent.add(scanned.getString("_id"));
                }
            }
            return inconsistent;
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void durabilityIsAskedForWithJournalingOrAMajority() {
        assertThat(CommittingH2Backend.asksForDurability(command(new de.bwaldvogel.mongo.bson.Document("j", true))))
                .isTrue();
        assertThat(CommittingH2Backend.asksForDurability(command(new de.bwaldvogel.mongo.bson.Document("w", "majority"))))
                .isTrue();
        assertThat(CommittingH2Backend.asksForDurability(command(new de.bwaldvogel.mongo.bson.Document("w", 1))))
                .isFalse();
        assertThat(CommittingH2Backend.asksForDurability(new de.bwaldvogel.mongo.bson.Document("insert", "documents")))
                .isFalse();
    }

    private static de.bwaldvogel.mongo.bson.Document command(de.bwaldvogel.mongo.bson.Document writeConcern) {
        return new de.bwaldvogel.mongo.bson.Document("insert", "documents").append("writeConcern", writeConcern);
    }

    @Test
    void storeIsWrittenOnlyBySynchronousCommitsNotByTheAsynchronousBackgroundWriter(@TempDir Path dir) {
        CommittingH2Backend backend = CommittingH2Backend.open(dir.resolve("mongo.mv").toString(), false);
        try {
            assertThat(backend.autoCommitDelay()).as("MVStore's background commit delay").isZero();
        } finally {
            backend.close();
        }
    }

    /** Copies the file as it is on disk now and reads the copy with a server of its own: id to version. */
    private static Map<String, Integer> onDiskNow(Path file, Path dir, String name) throws Exception {
        Path copy = dir.resolve(name + ".mv");
        Files.copy(file, copy);
        MongoServer reader = new MongoServer(new H2Backend(copy.toString()));
        try (MongoClient client = MongoClients.create(reader.bindAndGetConnectionString())) {
            Map<String, Integer> versions = new HashMap<>();
            client.getDatabase("kamerqa").getCollection("documents").find()
                    .forEach(d -> versions.put(d.getString("_id"), d.getInteger("version")));
            return versions;
        } finally {
            reader.shutdownNow();
        }
    }
}
