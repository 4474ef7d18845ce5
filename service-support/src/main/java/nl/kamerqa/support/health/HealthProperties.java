package nl.kamerqa.support.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kamerqa.health.*}: how long the MongoDB and Kafka health checks may take before they report DOWN, and
 * whether the Kafka check is wanted (a service that uses Kafka only for an optional stream may leave it out).
 */
@ConfigurationProperties("kamerqa.health")
public record HealthProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("true") boolean kafka) {
}
