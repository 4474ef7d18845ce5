package nl.kamerqa.support.health;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@code mongo} and {@code kafka} components of {@code /actuator/health} for every service (the bean names give
 * the component names and make Boot's own MongoDB indicator back off). Each service puts them in its readiness group
 * in its yml.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"})
@EnableConfigurationProperties(HealthProperties.class)
public class HealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoDatabase.class)
    static class Mongo {

        /** The service's own database bean (each service chooses its database name). */
        @Bean("mongoHealthIndicator")
        @ConditionalOnBean(MongoDatabase.class)
        @ConditionalOnMissingBean(name = "mongoHealthIndicator")
        MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase database, HealthProperties properties) {
            return new MongoPingHealthIndicator(database, properties.timeout());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    @ConditionalOnProperty(name = "kamerqa.health.kafka", havingValue = "true", matchIfMissing = true)
    static class Kafka {

        @Bean("kafkaHealthIndicator")
        @ConditionalOnBean(KafkaAdmin.class)
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, HealthProperties properties,
                                                         Environment environment) {
            String service = environment.getProperty("spring.application.name", "kamerqa");
            return new KafkaClusterHealthIndicator(admin, service + "-health", properties.timeout());
        }
    }
}
