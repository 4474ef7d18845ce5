package nl.kamerqa.support;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;

/** Which MongoDB database a service uses: one rule for all three, so they always meet in the same database. */
public final class MongoDatabaseName {

    public static final String DEFAULT = "kamerqa";

    private MongoDatabaseName() {
    }

    /** {@code spring.mongodb.database} ({@code SPRING_MONGODB_DATABASE}), else the one the URI names, else kamerqa. */
    public static String of(MongoProperties properties, MongoConnectionDetails connection) {
        String configured = properties.getDatabase();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String inUri = connection.getConnectionString().getDatabase();
        return inUri == null || inUri.isBlank() ? DEFAULT : inUri;
    }
}
