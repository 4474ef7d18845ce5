package nl.kamerqa.localstack;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same scenario against the production parts: Kafka and MongoDB containers, which the three services connect to
 * by Boot's service connections (no addresses passed by hand). Skipped where Docker is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest extends EndToEndScenario {

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.16");

    /**
     * The services' parent context: Kafka's and MongoDB's connection details from the containers above. A parent
     * rather than an import into each service, because each context that imports a container stops it when it closes.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportTestcontainers(ContainersEndToEndTest.class)
    @ImportAutoConfiguration(ServiceConnectionAutoConfiguration.class)
    static class ServiceConnections {
    }

    @Test
    void sampleUploadedThroughIngestComesOutOfQueryWithItsQuestionsAndAnswers() throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.connectedBy(ServiceConnections.class))) {
            sampleUploadedThroughIngestIsServedByQuery(stack);
        }
    }
}
