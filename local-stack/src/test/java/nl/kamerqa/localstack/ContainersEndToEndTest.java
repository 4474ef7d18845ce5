package nl.kamerqa.localstack;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same scenario against the production parts: Kafka and MongoDB containers. Skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest extends EndToEndScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.16");

    @Test
    void sampleUploadedThroughIngestComesOutOfQueryWithItsQuestionsAndAnswers() throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.external(
                KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("kamerqa")))) {
            sampleUploadedThroughIngestIsServedByQuery(stack);
        }
    }
}
