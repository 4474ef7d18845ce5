package nl.kamerqa.query.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The search index, its feeder and the feeder's consumer. */
@Configuration(proxyBeanMethods = false)
public class IndexConfig {

    @Bean(destroyMethod = "close")
    QuestionIndex questionIndex(IndexProperties properties, JsonMapper json, MeterRegistry meters) throws IOException {
        QuestionIndex index = new QuestionIndex(properties.directory(), properties.topic(), new IndexEntries(json),
                properties.indexingThreads());
        Gauge.builder("kamerqa.query.index.size", index, i -> {
            try {
                return i.sizeOnDisk();
            } catch (IOException e) {
                return Double.NaN;
            }
        }).baseUnit("bytes").description("Search index files on disk").register(meters);
        return index;
    }

    /**
     * Boot's consumer settings (bootstrap servers, security) for a consumer that is assigned partitions rather than
     * joining a group, and never commits to Kafka: its position is in the index.
     */
    @Bean
    IndexFeeder indexFeeder(QuestionIndex index, IndexProperties properties, ConsumerFactory<?, ?> boot,
                            JsonMapper json, MeterRegistry meters, ObjectProvider<ObservationRegistry> observations,
                            ObjectProvider<Tracer> tracer) {
        Map<String, Object> config = new HashMap<>(boot.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-index");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        // new partitions, and a topic deleted or re-created, are noticed within seconds
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        return new IndexFeeder(index, properties,
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()), json, meters,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), tracer.getIfAvailable(() -> Tracer.NOOP));
    }
}
