package nl.kamerqa.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * {@link TopicDeclaration} in every service that declares topics ({@code NewTopic} beans: ingest- and
 * parser-service; query-service only reads). Off where topic creation is off ({@code spring.kafka.admin.auto-create}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnProperty(name = "spring.kafka.admin.auto-create", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(TopicDeclarationProperties.class)
public class TopicDeclarationAutoConfiguration {

    @Bean
    @ConditionalOnBean({KafkaAdmin.class, NewTopic.class})
    @ConditionalOnMissingBean
    TopicDeclaration topicDeclaration(KafkaAdmin admin, TopicDeclarationProperties properties) {
        return new TopicDeclaration(admin, properties.topicRetry());
    }
}
