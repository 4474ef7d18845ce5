package nl.kamerqa.support.health;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The health indicators every service gets from service-support, against an in-memory MongoDB-wire server. */
class HealthAutoConfigurationTest {

    private MongoServer server;
    private MongoClient client;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, HealthAutoConfiguration.class))
            // nothing listens there
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
                    "spring.application.name=some-service", "kamerqa.health.timeout=500ms");

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString()
                + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500");
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void mongoIsUpWithItsDatabaseNameAndDownQuicklyWhenTheServerIsGone() {
        runner.withBean(MongoDatabase.class, () -> client.getDatabase("kamerqa-test")).run(context -> {
            MongoPingHealthIndicator mongo = context.getBean("mongoHealthIndicator", MongoPingHealthIndicator.class);
            assertThat(mongo.health().getStatus()).isEqualTo(Status.UP);
            assertThat(mongo.health().getDetails()).containsEntry("database", "kamerqa-test");

            server.shutdownNow();
            long start = System.nanoTime();
            Health down = mongo.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the health timeout, not the "
                    + "driver's 30 s server selection").isLessThan(Duration.ofSeconds(15));
        });
    }

    @Test
    void kafkaIsDownWithTheReasonWhenNoBrokerAnswersAndItsClientIdNamesTheService() {
        runner.run(context -> {
            KafkaClusterHealthIndicator kafka = context.getBean("kafkaHealthIndicator",
                    KafkaClusterHealthIndicator.class);
            assertThat(kafka.adminConfig()).containsEntry("client.id", "some-service-health");

            Health health = kafka.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        });
    }

    @Test
    void kafkaCheckCanBeLeftOutAndNoMongoCheckWithoutADatabase() {
        runner.withPropertyValues("kamerqa.health.kafka=false").run(context -> {
            assertThat(context).doesNotHaveBean("kafkaHealthIndicator");
            assertThat(context).doesNotHaveBean("mongoHealthIndicator");
        });
    }

    @Test
    void aServiceThatDefinesItsOwnIndicatorKeepsIt() {
        runner.withBean("mongoHealthIndicator", MongoPingHealthIndicator.class,
                        () -> new MongoPingHealthIndicator(client.getDatabase("own"), Duration.ofSeconds(1)))
                .withBean(MongoDatabase.class, () -> client.getDatabase("kamerqa-test"))
                .run(context -> assertThat(context.getBean("mongoHealthIndicator", MongoPingHealthIndicator.class)
                        .health().getDetails()).containsEntry("database", "own"));
    }
}
