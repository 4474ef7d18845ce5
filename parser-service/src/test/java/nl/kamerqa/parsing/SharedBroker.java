package nl.kamerqa.parsing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The module's one test broker, started for the whole test JVM by spring-kafka's global embedded broker
 * ({@code src/test/resources/junit-platform.properties}). A test class takes its own topics and consumer groups from
 * {@link #register}, so the dead-letter topic, the lag metric and the groups hold only what that class did.
 */
public final class SharedBroker {

    private SharedBroker() {
    }

    /** The broker's address, which the global embedded broker puts in a system property. */
    public static String bootstrapServers() {
        return Objects.requireNonNull(System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS),
                "no shared test broker: see spring.kafka.global.embedded.enabled in junit-platform.properties");
    }

    /**
     * Points one test class's context at the shared broker, with topics and consumer groups of its own: the raw topic
     * {@code <prefix>.raw}, created here with {@code rawPartitions} partitions before the context subscribes
     * (ingest-service declares it in production; the parser never creates it), {@code <prefix>.parsed},
     * {@code <prefix>.raw.DLT} (declared by the service), and the groups {@code <prefix>-parser} and
     * {@code <prefix>-redrive}. Call it from the class's {@code @DynamicPropertySource}.
     */
    public static void register(DynamicPropertyRegistry registry, String prefix, int rawPartitions) {
        String raw = prefix + ".raw";
        createTopic(raw, rawPartitions);
        registry.add("spring.kafka.bootstrap-servers", SharedBroker::bootstrapServers);
        registry.add("kamerqa.topics.raw", () -> raw);
        registry.add("kamerqa.topics.parsed", () -> prefix + ".parsed");
        registry.add("kamerqa.topics.dead-letter", () -> raw + ".DLT");
        registry.add("spring.kafka.consumer.group-id", () -> prefix + "-parser");
        registry.add("kamerqa.dead-letters.redrive-group-id", () -> prefix + "-redrive");
    }

    private static void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + name, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }
}
