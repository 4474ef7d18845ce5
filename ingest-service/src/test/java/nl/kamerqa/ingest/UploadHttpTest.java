package nl.kamerqa.ingest;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

/**
 * What the upload tests over real HTTP share: the service on a random port, its embedded broker, and one in-memory
 * MongoDB-wire server for all of them. Each test class uploads contents and official ids of its own, so they never
 * see each other's documents; the server ends with the test JVM, after the cached contexts that use it.
 */
abstract class UploadHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/kamerqa");
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KamerqaProperties properties;
    @Autowired
    MongoClient mongo;
    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    List<ConsumerRecord<String, byte[]>> publishedRecords() {
        return RawTopic.records(broker.getBrokersAsString(), properties.topics().raw());
    }

    /** The ledger entry of this content, null when there is none. */
    Document ledgerEntry(String sha) {
        return mongo.getDatabase("kamerqa").getCollection("ingested").find(new Document("_id", sha)).first();
    }

    /** {@code kamerqa_ingest_documents_total} of uploads. */
    double counter(String outcome, String reason) {
        return meters.get(IngestMetrics.DOCUMENTS).tag("source", "upload").tag("outcome", outcome)
                .tag("reason", reason).counter().count();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }
}
