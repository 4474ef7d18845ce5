package nl.kamerqa.ingest.messaging;

import nl.kamerqa.ingest.config.KamerqaProperties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.HashMap;
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

    /**
     * The send's observation tags its span with the cluster id, which the template asks a KafkaAdmin for until it has
     * one: with the broker away at start-up every upload would first wait for that lookup (a minute: the admin's API
     * timeout) before its own publish timeout. The template gets an admin of its own that gives up after a second.
     */
    @Bean
    static BeanPostProcessor templateClusterIdLookupGivesUpFast(ObjectProvider<KafkaProperties> kafka) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof KafkaTemplate<?, ?> template) {
                    Map<String, Object> config = new HashMap<>(kafka.getObject().buildAdminProperties());
                    // closing the admin waits for its describeCluster call, which runs until the API timeout
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000);
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
                    KafkaAdmin admin = new KafkaAdmin(config);
                    admin.setOperationTimeout(1);
                    template.setKafkaAdmin(admin);
                }
                return bean;
            }
        };
    }
}
