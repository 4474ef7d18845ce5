package nl.kamerqa.query.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

import java.util.HashMap;
import java.util.Map;

/** The live stream's consumer, fan-out and shutdown order. */
@Configuration(proxyBeanMethods = false)
public class StreamConfig {

    static final String CONTAINER_FACTORY = "liveStreamContainerFactory";

    @Bean(destroyMethod = "close")
    LiveDocuments liveDocuments(StreamProperties properties, MeterRegistry meters) {
        return new LiveDocuments(properties, meters);
    }

    /**
     * Boot's consumer settings (bootstrap servers, security) with byte values decoded by the listener, reading
     * from the end of the topic, and no commits: ack mode MANUAL with nobody acknowledging.
     */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> liveStreamContainerFactory(ConsumerFactory<?, ?> boot) {
        Map<String, Object> config = new HashMap<>(boot.getConfigurationProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // a poll's batch is fanned out at once: keep it well below a client's backlog (kamerqa.stream.client-backlog)
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        // each event is handled in the trace its traceparent header names (the upload's), so log lines carry it
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }

    /**
     * Ends the open streams first when the application stops: the web server's graceful shutdown (a later phase)
     * would otherwise wait its full timeout for streams that never end by themselves.
     */
    @Bean
    SmartLifecycle closeLiveStreamsOnShutdown(LiveDocuments live) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                live.closeAll();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
