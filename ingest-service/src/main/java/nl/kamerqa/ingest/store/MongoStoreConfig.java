package nl.kamerqa.ingest.store;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import nl.kamerqa.ingest.config.KamerqaProperties;
import nl.kamerqa.support.MongoDatabaseName;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
public class MongoStoreConfig {

    /** The database all three services use ({@link MongoDatabaseName}). */
    @Bean
    MongoDatabase kamerqaDatabase(MongoClient client, MongoProperties properties, MongoConnectionDetails connection) {
        return client.getDatabase(MongoDatabaseName.of(properties, connection));
    }

    /**
     * The driver waits 30 s for a server by default, far too long to hold an upload or a health probe.
     * Applied before Boot's own customizer, so a {@code serverSelectionTimeoutMS} in the URI still wins.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer storeTimeout(KamerqaProperties properties) {
        long millis = properties.ingest().storeTimeout().toMillis();
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS));
    }

    /**
     * The ledger and the feed checkpoints are written with {@code w: majority, j: true}: a checkpoint that MongoDB
     * loses after acknowledging it would make a feed read items again (deduplicated, but work), and a lost ledger
     * entry would publish a duplicate. A write concern in the URI wins.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer durableWrites(MongoConnectionDetails connection) {
        WriteConcern configured = connection.getConnectionString().getWriteConcern();
        WriteConcern concern = configured == null ? WriteConcern.MAJORITY.withJournal(true) : configured;
        return settings -> settings.writeConcern(concern);
    }
}
