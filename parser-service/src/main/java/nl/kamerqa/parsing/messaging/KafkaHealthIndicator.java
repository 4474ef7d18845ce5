package nl.kamerqa.parsing.messaging;

import nl.kamerqa.parsing.config.ParserProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kafka health by {@code describeCluster} with a short timeout (Boot has no Kafka indicator). Shows as the
 * {@code kafka} component of {@code /actuator/health} and is part of the readiness group: an instance that cannot
 * reach the broker can neither consume nor publish. Uses one admin client, created on the first check with Boot's
 * admin settings (bootstrap servers, security).
 */
@Component("kafkaHealthIndicator")
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final KafkaAdmin kafkaAdmin;
    private final Duration timeout;
    private Admin admin;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, ParserProperties properties) {
        this.kafkaAdmin = kafkaAdmin;
        this.timeout = properties.healthTimeout();
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", String.valueOf(e.getCause())).build();
        } catch (TimeoutException | KafkaException e) {
            return Health.down().withDetail("error", e.toString()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
