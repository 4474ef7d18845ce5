package nl.kamerqa.query;

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

    public static String bootstrapServers() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        if (brokers == null || brokers.isBlank()) {
            throw new IllegalStateException("no shared test broker: spring.kafka.global.embedded.enabled is not set "
                    + "in src/test/resources/junit-platform.properties");
        }
        return brokers;
    }
}
