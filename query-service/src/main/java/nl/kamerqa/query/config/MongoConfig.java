package nl.kamerqa.query.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import nl.kamerqa.query.store.AdaptiveQuestionSearch;
import nl.kamerqa.query.store.MongoQueryStore;
import nl.kamerqa.query.store.QuestionSearch;
import nl.kamerqa.query.store.RegexSearch;
import nl.kamerqa.query.store.TextIndexSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    private static final Logger log = LoggerFactory.getLogger(MongoConfig.class);
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

    @Bean
    QuestionSearch questionSearch(MongoDatabase database, QueryProperties query) {
        QuestionSearch search = switch (query.search()) {
            case TEXT -> new TextIndexSearch();
            case REGEX -> new RegexSearch();
            case AUTO -> new AdaptiveQuestionSearch(database.getCollection(MongoQueryStore.QUESTIONS),
                    new TextIndexSearch(), new RegexSearch());
        };
        log.info("Question search mode {} (kamerqa.query.search)", query.search());
        return search;
    }
}
