package nl.kamerqa.query.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import nl.kamerqa.support.MongoDatabaseName;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    /** The database all three services use ({@link MongoDatabaseName}). */
    @Bean
    MongoDatabase kamerqaDatabase(MongoClient client, MongoProperties properties, MongoConnectionDetails connection,
                                  QueryProperties query) {
        String name = MongoDatabaseName.of(properties, connection);
        // client-side operation timeout (driver 5.2+): covers server selection, so it also bounds the health ping
        return client.getDatabase(name).withTimeout(query.mongoTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
