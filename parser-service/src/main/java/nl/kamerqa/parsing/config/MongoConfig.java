package nl.kamerqa.parsing.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
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
}
