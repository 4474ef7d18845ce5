package nl.kamerqa.query;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.util.Objects;

/**
 * The module's one test broker, started for the whole test JVM by spring-kafka's global embedded broker
 * ({@code src/test/resources/junit-platform.properties}); Spring tests point at it with
 * {@link #BOOTSTRAP_SERVERS_PROPERTY}.
 */
public final class SharedBroker {

    /** For {@code @SpringBootTest(properties = ...)}: the service's bootstrap servers are the shared broker's. */
    public static final String BOOTSTRAP_SERVERS_PROPERTY = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}";
    /** Partitions of every topic created for the tests ({@code spring.kafka.embedded.partitions}). */
    public static final int PARTITIONS = 2;

    private SharedBroker() {
    }

    /** The broker's address, which the global embedded broker puts in a system property. */
    public static String bootstrapServers() {
        return Objects.requireNonNull(System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS),
                "no shared test broker: see spring.kafka.global.embedded.enabled in junit-platform.properties");
    }
}
