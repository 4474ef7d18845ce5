package nl.kamerqa.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which services get the repeated topic declaration: those that declare topics, unless topic creation is off. */
class TopicDeclarationAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, TopicDeclarationAutoConfiguration.class))
            // nothing listens there: the declaration only tries in the background
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.operation-timeout=1s",
                    "spring.kafka.admin.close-timeout=1s");

    @Configuration(proxyBeanMethods = false)
    static class DeclaresATopic {
        @Bean
        NewTopic someTopic() {
            return TopicBuilder.name("some.topic").partitions(3).build();
        }
    }

    @Test
    void serviceThatDeclaresTopicsDeclaresThemAgainAtTheConfiguredInterval() {
        runner.withUserConfiguration(DeclaresATopic.class).withPropertyValues("kamerqa.kafka.topic-retry=5s")
                .run(context -> {
                    assertThat(context).hasSingleBean(TopicDeclaration.class);
                    assertThat(context.getBean(TopicDeclarationProperties.class).topicRetry())
                            .isEqualTo(Duration.ofSeconds(5));
                    assertThat(context.getBean(TopicDeclaration.class).isRunning()).isTrue();
                });
    }

    @Test
    void serviceThatOnlyReadsTopicsDeclaresNothing() {
        runner.run(context -> assertThat(context).doesNotHaveBean(TopicDeclaration.class));
    }

    @Test
    void topicCreationSwitchedOffSwitchesTheDeclarationOffToo() {
        runner.withUserConfiguration(DeclaresATopic.class).withPropertyValues("spring.kafka.admin.auto-create=false")
                .run(context -> assertThat(context).doesNotHaveBean(TopicDeclaration.class));
    }

    @Test
    void intervalThatIsNotPositiveIsRefusedAtStart() {
        runner.withUserConfiguration(DeclaresATopic.class).withPropertyValues("kamerqa.kafka.topic-retry=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("kamerqa.kafka.topic-retry must be positive"));
    }
}
