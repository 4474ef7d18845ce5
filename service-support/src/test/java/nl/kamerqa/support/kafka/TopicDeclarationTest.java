package nl.kamerqa.support.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TopicDeclaration against a real KRaft broker, for the race ingest-service's OutageTest ran into: the broker
 * auto-creates the raw topic with its defaults (a producer's metadata request) between KafkaAdmin's describe and its
 * create, so the first declaration pass ends "successfully" with a topic of one partition and 1 MB records.
 */
class TopicDeclarationTest {

    private static final String TOPIC = "declaration-it.raw";
    private static final int PARTITIONS = 3;
    private static final String MAX_MESSAGE_BYTES = "5000000";

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void topicTheBrokerCreatedWithItsDefaultsDuringTheFirstPassGetsItsPartitionsAndRecordSizeInTheSecond()
            throws Exception {
        NewTopic declared = TopicBuilder.name(TOPIC).partitions(PARTITIONS).replicas(1)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_MESSAGE_BYTES).build();
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("rawTopic", NewTopic.class, () -> declared);
        context.refresh();
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        admin.setApplicationContext(context);
        admin.setModifyTopicConfigs(true); // as spring.kafka.admin.modify-topic-configs in the services' yml

        AtomicInteger passes = new AtomicInteger();
        TopicDeclaration declaration = new TopicDeclaration(() -> {
            if (passes.incrementAndGet() == 1) {
                // the first pass lost the race: the topic exists, made by the broker with its own defaults
                createWithTheBrokersDefaults();
                return true;
            }
            return admin.initialize();
        }, Duration.ofMillis(100));
        declaration.start();
        try (Admin client = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(client.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC)
                        .partitions()).as("partitions of " + TOPIC).hasSize(PARTITIONS);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
                assertThat(client.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                        .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).isEqualTo(MAX_MESSAGE_BYTES);
            });
        } finally {
            declaration.stop();
            context.close();
        }
    }

    private static void createWithTheBrokersDefaults() {
        try (Admin client = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            client.createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty()))).all()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + TOPIC, e);
        }
    }
}
