package nl.kamerqa.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kamerqa.kafka.*}: how often a service declares its topics again while the broker could not be reached
 * ({@link TopicDeclaration}).
 */
@ConfigurationProperties("kamerqa.kafka")
public record TopicDeclarationProperties(@DefaultValue("30s") Duration topicRetry) {

    public TopicDeclarationProperties {
        if (topicRetry.isNegative() || topicRetry.isZero()) {
            throw new IllegalArgumentException("kamerqa.kafka.topic-retry must be positive, was " + topicRetry);
        }
    }
}
