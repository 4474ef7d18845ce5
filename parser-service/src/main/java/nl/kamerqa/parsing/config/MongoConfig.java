package nl.kamerqa.parsing.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import nl.kamerqa.support.MongoDatabaseName;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    /** The database all three services use ({@link MongoDatabaseName}). */
    @Bean
    MongoDatabase kamerqaDatabase(MongoClient client, MongoProperties properties, MongoConnectionDetails connection) {
        return client.getDatabase(MongoDatabaseName.of(properties, connection));
    }
}
