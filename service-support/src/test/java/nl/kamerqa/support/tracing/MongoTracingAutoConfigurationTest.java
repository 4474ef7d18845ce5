package nl.kamerqa.support.tracing;

import com.mongodb.client.MongoClient;
import com.mongodb.observability.micrometer.MongodbObservationContext;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's MongoDB client observes its commands in the current trace (driver-native observability). */
class MongoTracingAutoConfigurationTest {

    private final List<MongodbObservationContext> observed = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = ObservationRegistry.create();
    private MongoServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
                    MongoTracingAutoConfiguration.class))
            .withBean(ObservationRegistry.class, () -> registry);

    @BeforeEach
    void start() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                if (context instanceof MongodbObservationContext mongo) {
                    observed.add(mongo);
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        server = new MongoServer(new MemoryBackend());
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void aCommandIsObservedAsAChildOfTheCurrentObservationWithoutItsPayload() {
        runner.withPropertyValues("spring.mongodb.uri=" + server.bindAndGetConnectionString() + "/kamerqa")
                .run(context -> {
                    MongoClient client = context.getBean(MongoClient.class);
                    Observation work = Observation.start("some.work", registry);
                    try (Observation.Scope ignored = work.openScope()) {
                        client.getDatabase("kamerqa").getCollection("things").insertOne(new Document("secret", "text"));
                    } finally {
                        work.stop();
                    }

                    assertThat(observed).extracting(MongodbObservationContext::getCommandName).contains("insert");
                    MongodbObservationContext insert = observed.stream()
                            .filter(c -> "insert".equals(c.getCommandName())).findFirst().orElseThrow();
                    assertThat(root(insert)).as("the command's observation hangs under the work that sent it")
                            .isSameAs(work.getContext());
                    assertThat(insert.getQueryText()).as("no document text in spans").isNull();
                });
    }

    @Test
    void withoutAnObservationRegistryTheClientIsLeftAsItWas() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
                        MongoTracingAutoConfiguration.class))
                .withPropertyValues("spring.mongodb.uri=" + server.bindAndGetConnectionString() + "/kamerqa")
                .run(context -> {
                    assertThat(context).hasSingleBean(MongoClient.class);
                    assertThat(context).doesNotHaveBean("mongoObservability");
                });
    }

    private static Observation.ContextView root(Observation.Context context) {
        Observation.ContextView current = context;
        while (current.getParentObservation() != null) {
            current = current.getParentObservation().getContextView();
        }
        return current;
    }
}
