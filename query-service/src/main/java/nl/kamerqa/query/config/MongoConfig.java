package nl.kamerqa.query.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    static final String DEFAULT_DATABASE = "kamerqa";

    /** The database named by spring.mongodb.database, else by the URI, else "kamerqa" (as parser-service does). */
    @Bean
    MongoDatabase kamerqaDatabase(MongoClient client, MongoProperties properties, MongoConnectionDetails connection,
                                  QueryProperties query) {
        String name = properties.getDatabase() != null ? properties.getDatabase()
                : connection.getConnectionString().getDatabase() != null ? connection.getConnectionString().getDatabase()
                : DEFAULT_DATABASE;
        // client-side operation timeout (driver 5.2+): covers server selection, so it also bounds the health ping
        return client.getDatabase(name).withTimeout(query.mongoTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
