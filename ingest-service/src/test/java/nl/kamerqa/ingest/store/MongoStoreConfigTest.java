package nl.kamerqa.ingest.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials and TLS in MONGODB_URI reach the driver; the service's own timeouts and write concern do not override
 * the URI's.
 */
class MongoStoreConfigTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KamerqaProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class))
            .withUserConfiguration(Properties.class, MongoStoreConfig.class);

    /** What the client is built with: Boot's customizers and ours, in their order. */
    private static MongoClientSettings settings(org.springframework.context.ApplicationContext context) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        context.getBeanProvider(MongoClientSettingsBuilderCustomizer.class).orderedStream()
                .forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Test
    void uriWithTlsAndCredentialsReachesTheDriver() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://ingest:s3cret@mongo.example:27017/kamerqa"
                        + "?tls=true&authSource=admin&serverSelectionTimeoutMS=2500")
                .run(context -> {
                    MongoClientSettings settings = settings(context);
                    assertThat(settings.getSslSettings().isEnabled()).isTrue();
                    assertThat(settings.getCredential()).isNotNull();
                    assertThat(settings.getCredential().getUserName()).isEqualTo("ingest");
                    assertThat(settings.getCredential().getSource()).isEqualTo("admin");
                    assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                            .as("the URI wins over kamerqa.ingest.store-timeout").isEqualTo(2500);
                    assertThat(context.getBean(com.mongodb.client.MongoDatabase.class).getName()).isEqualTo("kamerqa");
                });
    }

    @Test
    void withoutTimeoutsInTheUriTheStoreTimeoutApplies() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9/kamerqa", "kamerqa.ingest.store-timeout=4s")
                .run(context -> {
                    MongoClientSettings settings = settings(context);
                    assertThat(settings.getSslSettings().isEnabled()).isFalse();
                    assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                            .isEqualTo(4000);
                });
    }

    @Test
    void writesWaitForAMajorityJournalUnlessTheUriSetsAWriteConcern() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9/kamerqa").run(context ->
                assertThat(settings(context).getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true)));
        runner.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9/kamerqa?w=1").run(context ->
                assertThat(settings(context).getWriteConcern()).isEqualTo(WriteConcern.W1));
    }
}
