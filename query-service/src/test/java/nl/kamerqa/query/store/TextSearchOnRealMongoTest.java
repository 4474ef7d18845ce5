package nl.kamerqa.query.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.kamerqa.query.Page;
import nl.kamerqa.query.PageRequest;
import nl.kamerqa.query.QuestionFilter;
import nl.kamerqa.query.StoredSamples;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import java.util.Map;

import static nl.kamerqa.query.StoredSamples.SCHRIFTELIJK_OVERLEG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The $text path, which mongo-java-server cannot run: needs Docker for a real MongoDB and is skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class TextSearchOnRealMongoTest {

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0.12");

    @Test
    void realMongoAnswersTheSearchThroughTheTextIndex() {
        try (MongoClient client = MongoClients.create(mongo.getConnectionString())) {
            MongoDatabase db = client.getDatabase("kamerqa");
            StoredSamples.storeAll(db);
            AdaptiveQuestionSearch search = new AdaptiveQuestionSearch(db.getCollection(MongoQueryStore.QUESTIONS),
                    new TextIndexSearch(), new RegexSearch());
            MongoQueryStore store = new MongoQueryStore(db, search);

            Page<Map<String, Object>> found = store.questions(new QuestionFilter(null, null, "GEMEENTEFONDS"),
                    new PageRequest(0, 20));

            assertThat(search.name()).isEqualTo("text");
            assertThat(found.items()).extracting(q -> q.get("id")).containsExactly(
                    SCHRIFTELIJK_OVERLEG + "#2", SCHRIFTELIJK_OVERLEG + "#7", SCHRIFTELIJK_OVERLEG + "#8");
            assertThat(found.total()).isEqualTo(3);
        }
    }
}
