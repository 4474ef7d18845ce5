package nl.kamerqa.parsing.config;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** parser-service writes so that an acknowledged write survives a crash of MongoDB, unless the URI says otherwise. */
class MongoConfigTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class))
            .withUserConfiguration(MongoConfig.class);

    private static MongoClientSettings settings(ApplicationContext context) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        context.getBeanProvider(MongoClientSettingsBuilderCustomizer.class).orderedStream()
                .forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Test
    void writesWaitForAMajorityJournalByDefault() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9/kamerqa").run(context ->
                assertThat(settings(context).getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true)));
    }

    @Test
    void aWriteConcernInTheUriWins() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9/kamerqa?w=2&journal=false").run(context ->
                assertThat(settings(context).getWriteConcern()).isEqualTo(new WriteConcern(2).withJournal(false)));
    }
}
