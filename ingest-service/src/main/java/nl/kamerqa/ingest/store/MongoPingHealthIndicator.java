package nl.kamerqa.ingest.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * MongoDB in /actuator/health via {@code {ping: 1}}, which both real MongoDB and mongo-java-server answer
 * (Boot's own indicator sends {@code hello}, which mongo-java-server refuses; it is disabled in the yml).
 */
@Component("mongoHealthIndicator")
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    public MongoPingHealthIndicator(MongoDatabase kamerqaDatabase) {
        super("MongoDB health check failed");
        this.database = kamerqaDatabase;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
