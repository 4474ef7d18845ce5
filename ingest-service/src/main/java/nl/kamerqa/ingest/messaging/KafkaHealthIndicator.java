package nl.kamerqa.ingest.messaging;

import nl.kamerqa.ingest.config.KamerqaProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Kafka in /actuator/health: UP when the cluster answers a describe-cluster within the health timeout. */
@Component("kafkaHealthIndicator")
public class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;
    private final Duration timeout;

    public KafkaHealthIndicator(Admin kafkaHealthAdmin, KamerqaProperties properties) {
        super("Kafka health check failed");
        this.admin = kafkaHealthAdmin;
        this.timeout = properties.ingest().healthTimeout();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }
}
