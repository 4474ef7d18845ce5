package nl.kamerqa.parsing.messaging;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Spring Boot tests that need MongoDB but no MongoDB outage: one in-memory MongoDB-wire server per test
 * class, given to the service as {@code spring.mongodb.uri}. Each subclass gets its own, since each has its own
 * context ({@code @DirtiesContext}).
 */
abstract class InMemoryMongoTest {

    private static MongoServer mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        mongo = new MongoServer(new MemoryBackend());
        String uri = mongo.bindAndGetConnectionString() + "/kamerqa";
        registry.add("spring.mongodb.uri", () -> uri);
    }

    @AfterAll
    static void stopMongo() {
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }
}
