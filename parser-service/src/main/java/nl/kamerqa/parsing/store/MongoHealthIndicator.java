package nl.kamerqa.parsing.store;

import com.mongodb.client.MongoDatabase;
import nl.kamerqa.parsing.config.ParserProperties;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * MongoDB health by {@code {ping: 1}}: Boot's own indicator sends {@code hello}, which mongo-java-server rejects;
 * {@code ping} works on both. Shows as the {@code mongo} component of {@code /actuator/health} and is part of the
 * readiness group. Bounded by {@code kamerqa.health-timeout} (server selection included), so an unreachable server
 * reports DOWN quickly instead of after the driver's 30 s server-selection timeout.
 */
@Component("mongoHealthIndicator")
public class MongoHealthIndicator implements HealthIndicator {

    private final MongoDatabase database;

    public MongoHealthIndicator(MongoDatabase database, ParserProperties properties) {
        this.database = database.withTimeout(properties.healthTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
