package nl.kamerqa.parsing.config;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    static final String DEFAULT_DATABASE = "kamerqa";

    /** The database named in {@code spring.mongodb.uri} ({@code kamerqa} when the URI names none). */
    @Bean
    MongoDatabase kamerqaDatabase(MongoClient client, MongoConnectionDetails connection) {
        String name = connection.getConnectionString().getDatabase();
        return client.getDatabase(name == null || name.isBlank() ? DEFAULT_DATABASE : name);
    }

    /**
     * A write counts as done only once a majority of the replica set has it in its journal: the Kafka offset of a
     * record is committed after its writes, so a weaker concern could let a crash of MongoDB take back a document
     * whose record Kafka already counts as consumed. A {@code w} or {@code journal} in the URI wins.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer durableWrites(MongoConnectionDetails connection) {
        return settings -> settings.writeConcern(writeConcern(connection.getConnectionString()));
    }

    static WriteConcern writeConcern(ConnectionString connection) {
        WriteConcern configured = connection.getWriteConcern();
        return configured == null ? WriteConcern.MAJORITY.withJournal(true) : configured;
    }
}
