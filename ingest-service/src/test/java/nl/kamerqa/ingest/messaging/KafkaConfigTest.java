package nl.kamerqa.ingest.messaging;

import nl.kamerqa.ingest.config.KamerqaProperties;
import nl.kamerqa.support.health.HealthAutoConfiguration;
import nl.kamerqa.support.health.KafkaClusterHealthIndicator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import java.io.OutputStream;
import java.security.KeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"ingest\" password=\"not-a-real-password\";";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KamerqaProperties.class)
    static class Properties {
    }

    /** Boot's Kafka auto-configuration and service-support's health check with this service's KafkaConfig. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, HealthAutoConfiguration.class))
            .withUserConfiguration(Properties.class, KafkaConfig.class)
            // nothing listens there: the admin clients only try to connect in the background
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
                    "spring.application.name=ingest-service");

    @Test
    void recordLimitHoldsTheBase64OfTheLargestDocumentWithRoomForMetadata() {
        long fiftyMegabytes = 50L * 1024 * 1024;
        long base64 = (long) Math.ceil(fiftyMegabytes / 3.0) * 4;

        assertThat(KafkaConfig.maxRecordBytes(fiftyMegabytes)).isGreaterThanOrEqualTo(base64 + 512 * 1024)
                .isLessThan(Integer.MAX_VALUE);
    }

    @Test
    void recordLimitForOneByteStillLeavesRoomForTheEnvelope() {
        assertThat(KafkaConfig.maxRecordBytes(1)).isGreaterThan(1024 * 1024);
    }

    @Test
    void saslAndTlsFromTheEnvironmentReachTheProducerTheTopicAdminAndTheHealthCheck() throws Exception {
        Path truststore = emptyTruststore();
        // the names ingest-service.yml documents, as environment variables
        Map<String, Object> environment = Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS,
                "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:" + truststore,
                "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12",
                "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", "changeit");

        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                environment)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<String, Object> producer = context.getBean(DefaultKafkaProducerFactory.class)
                            .getConfigurationProperties();
                    Map<String, Object> admin = context.getBean(KafkaAdmin.class).getConfigurationProperties();
                    Map<String, Object> health = context.getBean(KafkaClusterHealthIndicator.class).adminConfig();
                    for (Map<String, Object> config : new Map[]{producer, admin, health}) {
                        assertThat(config)
                                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                                .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, JAAS)
                                .containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12")
                                .containsEntry(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, "changeit");
                        assertThat(String.valueOf(config.get(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG)))
                                .endsWith(truststore.getFileName().toString());
                    }
                    // the service's own producer settings are still there next to them
                    assertThat(producer).containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)
                            .containsKey(ProducerConfig.BUFFER_MEMORY_CONFIG);
                    assertThat(health).containsEntry(CommonClientConfigs.CLIENT_ID_CONFIG, "ingest-service-health");
                });
        Files.deleteIfExists(truststore);
    }

    /** A loadable PKCS12 store (the health check's admin client reads it when it is created). */
    private static Path emptyTruststore() throws Exception {
        Path file = Files.createTempFile("kafka-truststore", ".p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    @Test
    void securityProtocolSetAsAPropertyReachesTheProducerFactory() {
        runner.withPropertyValues("spring.kafka.properties.security.protocol=SASL_PLAINTEXT",
                        "spring.kafka.properties.sasl.mechanism=PLAIN",
                        "spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule "
                                + "required username=\"ingest\" password=\"x\";")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<String, Object> producer = context.getBean(DefaultKafkaProducerFactory.class)
                            .getConfigurationProperties();
                    assertThat(producer).containsEntry("security.protocol", "SASL_PLAINTEXT")
                            .containsEntry("sasl.mechanism", "PLAIN");
                });
    }
}
