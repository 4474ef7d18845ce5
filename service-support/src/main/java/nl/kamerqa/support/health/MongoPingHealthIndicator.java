package nl.kamerqa.support.health;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * MongoDB health by {@code {ping: 1}}, which real MongoDB and mongo-java-server both answer (Boot's own indicator
 * sends {@code hello}, which mongo-java-server refuses). Bounded by the health timeout, server selection included,
 * so an unreachable server reports DOWN quickly instead of after the driver's 30 s server-selection timeout.
 */
public class MongoPingHealthIndicator implements HealthIndicator {

    private final MongoDatabase database;

    public MongoPingHealthIndicator(MongoDatabase database, Duration timeout) {
        this.database = database.withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        try {
            database.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", database.getName()).build();
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("database", database.getName()).build();
        }
    }
}
