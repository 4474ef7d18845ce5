package nl.kamerqa.parsing.messaging;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.parsing.Origin;
import nl.kamerqa.parsing.store.MongoConsumedPositions;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a newly assigned partition starts: at the store's entry, at the partition's end when the entry is beyond it,
 * at the beginning without an entry or without MongoDB. Kafka's committed offsets play no part. A real
 * MongoDB-wire server holds the entries; the consumer is Kafka's own MockConsumer.
 */
class StoredOffsetsSeekerTest {

    private static final String TOPIC = "parliament.documents.raw";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final TopicPartition P2 = new TopicPartition(TOPIC, 2);

    private MongoServer mongo;
    private MongoClient client;
    private MongoConsumedPositions positions;
    private MockConsumer<String, byte[]> consumer;
    private String group;

    @BeforeEach
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        client = MongoClients.create(mongo.bindAndGetConnectionString());
        positions = new MongoConsumedPositions(client.getDatabase("kamerqa"));
        consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        group = consumer.groupMetadata().groupId();
        consumer.assign(List.of(P0, P1, P2));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L, P2, 0L));
        consumer.updateEndOffsets(Map.of(P0, 10L, P1, 10L, P2, 10L));
        // Kafka's committed offsets are all at the end: the seeker must not be led by them
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(10),
                P1, new OffsetAndMetadata(10),
                P2, new OffsetAndMetadata(10)));
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void partitionStartsAfterTheLastRecordTheStoreSaysWasConsumedNotAtKafkasCommit() {
        positions.consumed(group, new Origin(TOPIC, P0.partition(), 4));

        new StoredOffsetsSeeker(positions, Duration.ofSeconds(5)).onPartitionsAssigned(consumer, List.of(P0));

        assertThat(consumer.position(P0)).isEqualTo(5);
    }

    @Test
    void partitionWithoutAnEntryStartsAtItsBeginning() {
        positions.consumed(group, new Origin(TOPIC, P0.partition(), 4));

        new StoredOffsetsSeeker(positions, Duration.ofSeconds(5)).onPartitionsAssigned(consumer, List.of(P0, P1));

        assertThat(consumer.position(P0)).isEqualTo(5);
        assertThat(consumer.position(P1)).isZero();
    }

    @Test
    void entryBeyondTheEndOfATruncatedPartitionStartsAtItsEnd() {
        positions.consumed(group, new Origin(TOPIC, P2.partition(), 41));

        new StoredOffsetsSeeker(positions, Duration.ofSeconds(5)).onPartitionsAssigned(consumer, List.of(P2));

        assertThat(consumer.position(P2)).isEqualTo(10);
    }

    @Test
    void anotherGroupsEntriesAreNotUsed() {
        positions.consumed("someone-else", new Origin(TOPIC, P0.partition(), 7));

        new StoredOffsetsSeeker(positions, Duration.ofSeconds(5)).onPartitionsAssigned(consumer, List.of(P0));

        assertThat(consumer.position(P0)).isZero();
    }

    @Test
    void withoutMongoDbThePartitionsStartAtTheBeginningAfterThePatienceRunsOut() {
        positions.consumed(group, new Origin(TOPIC, P0.partition(), 4));
        try (MongoClient nowhere = MongoClients.create(
                "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200")) {
            MongoConsumedPositions unreachable = new MongoConsumedPositions(nowhere.getDatabase("kamerqa"));

            new StoredOffsetsSeeker(unreachable, Duration.ofMillis(300)).onPartitionsAssigned(consumer, List.of(P0));
        }

        assertThat(consumer.position(P0)).isZero();
    }
}
