package nl.kamerqa.support.tracing;

import com.mongodb.MongoClientSettings;
import com.mongodb.observability.ObservabilitySettings;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * MongoDB commands as spans in the trace of the work that sends them, for every service: the driver's own Micrometer
 * observability (driver 5.7+, what Spring Data MongoDB recommends over its older command listener), given the
 * application's {@link ObservationRegistry}. Each operation (e.g. a bulk write) gets a {@code mongodb.operation} span
 * with its commands as {@code mongodb.command} children, tagged {@code db.system.name=mongodb}, under whatever
 * observation is current on the calling thread.
 *
 * <p>The command payload is not captured: a document is up to tens of megabytes and its text belongs in MongoDB, not
 * in every span exported. The driver also reads the environment variable {@code OBSERVABILITY_MONGODB_ENABLED}
 * ({@code false} switches its spans off without a rebuild; unset means on).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({MongoClientSettings.class, ObservabilitySettings.class, ObservationRegistry.class})
public class MongoTracingAutoConfiguration {

    @Bean
    @ConditionalOnBean(ObservationRegistry.class)
    MongoClientSettingsBuilderCustomizer mongoObservability(ObservationRegistry registry) {
        return settings -> settings.observabilitySettings(ObservabilitySettings.micrometerBuilder()
                .observationRegistry(registry)
                .enableCommandPayloadTracing(false)
                .build());
    }
}
