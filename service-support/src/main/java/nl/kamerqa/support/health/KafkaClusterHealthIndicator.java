package nl.kamerqa.support.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kafka health by {@code describeCluster} within the health timeout (Boot has no Kafka indicator). Uses one admin
 * client, created on the first check with Boot's admin settings (bootstrap servers, security protocol, SASL, SSL from
 * {@code spring.kafka.*}, so it reaches a secured cluster the way the service's own clients do) and its own client
 * id; closed with the context.
 */
public class KafkaClusterHealthIndicator implements HealthIndicator, DisposableBean {

    private final KafkaAdmin kafkaAdmin;
    private final String clientId;
    private final Duration timeout;
    private Admin admin;

    public KafkaClusterHealthIndicator(KafkaAdmin kafkaAdmin, String clientId, Duration timeout) {
        this.kafkaAdmin = kafkaAdmin;
        this.clientId = clientId;
        this.timeout = timeout;
    }

    /** The admin client's settings: Boot's, with this check's client id. */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            // one deadline for both answers, so a check never takes longer than the timeout
            long deadline = System.nanoTime() + timeout.toNanos();
            String clusterId = cluster.clusterId().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            int nodes = cluster.nodes().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).size();
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
            admin = Admin.create(adminConfig());
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
