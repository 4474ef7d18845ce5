package nl.kamerqa.ingest.messaging;

import nl.kamerqa.ingest.config.KamerqaProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import java.util.Map;

/**
 * Topics this service declares and the record size they must allow.
 *
 * <p>A RawDocument carries its content base64-encoded, so a document of the maximum size becomes a record about
 * 4/3 as large. Kafka's defaults (1 MB per record on producer and broker, 32 MB producer buffer) would refuse
 * most PDFs; producer limits and the topics' {@code max.message.bytes} are derived from
 * {@code kamerqa.ingest.max-document-size} instead.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    // title, sourceUrl, metadata, JSON field names and, on the DLT, the error headers
    private static final long RECORD_OVERHEAD = 1024 * 1024;

    /** Largest record a document of the maximum size produces. */
    public static long maxRecordBytes(long maxDocumentSize) {
        long base64 = 4 * ((maxDocumentSize + 2) / 3);
        return Math.min(Integer.MAX_VALUE, base64 + RECORD_OVERHEAD);
    }

    @Bean
    NewTopic rawTopic(KamerqaProperties properties) {
        return topic(properties.topics().raw(), properties);
    }

    @Bean
    NewTopic deadLetterTopic(KamerqaProperties properties) {
        return topic(properties.topics().deadLetter(), properties);
    }

    private static NewTopic topic(String name, KamerqaProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Long.toString(maxRecordBytes(properties.ingest().maxDocumentSize().toBytes())))
                .build();
    }

    /** Adds to Boot's producer settings (updateConfigs merges), so security and client properties are kept. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer documentSizedProducer(KamerqaProperties properties) {
        long maxRecord = maxRecordBytes(properties.ingest().maxDocumentSize().toBytes());
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) maxRecord,
                // a record must fit into the buffer whole; two so one large upload does not block the next
                ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * 1024 * 1024, 2 * maxRecord)));
    }
}
