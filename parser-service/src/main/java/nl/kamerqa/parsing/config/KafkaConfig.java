package nl.kamerqa.parsing.config;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parsing.InvalidRawDocumentException;
import nl.kamerqa.parsing.ParserFailedException;
import nl.kamerqa.parsing.ParserMetrics;
import nl.kamerqa.parsing.messaging.DeadLetterReasons;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serialisation, topics and error handling. Boot's own consumer and producer factories are kept (bootstrap
 * servers, spring.kafka.* settings, Micrometer listeners) and only given the serialisers below.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    /**
     * RawDocument JSON without type headers; {@link ErrorHandlingDeserializer} turns a value that is not such JSON
     * into a {@link DeserializationException} for the error handler instead of a consumer stuck on the record.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer rawDocumentDeserializers(JsonMapper mapper) {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<String, RawDocument> consumers =
                    (DefaultKafkaConsumerFactory<String, RawDocument>) factory;
            consumers.setKeyDeserializer(new StringDeserializer());
            consumers.setValueDeserializer(new ErrorHandlingDeserializer<>(
                    new JacksonJsonDeserializer<>(RawDocument.class, mapper, false)));
        };
    }

    /**
     * Records are JSON without type headers; byte arrays pass through untouched, so a record that could not be
     * deserialised reaches the dead-letter topic with its original bytes.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer jsonOrBytesSerializers(JsonMapper mapper) {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<String, Object> producers = (DefaultKafkaProducerFactory<String, Object>) factory;
            producers.setKeySerializer(new StringSerializer());
            Map<Class<?>, Serializer<?>> byType = Map.of(
                    byte[].class, new ByteArraySerializer(),
                    Object.class, new JacksonJsonSerializer<>(mapper).noTypeInfo());
            producers.setValueSerializer(new DelegatingByTypeSerializer(byType, true));
        };
    }

    @Bean
    NewTopic parsedTopic(ParserProperties properties) {
        return topic(properties.topics().parsed(), properties.topics());
    }

    @Bean
    NewTopic deadLetterTopic(ParserProperties properties) {
        return topic(properties.topics().deadLetter(), properties.topics());
    }

    private static NewTopic topic(String name, ParserProperties.TopicSettings settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicas()).build();
    }

    /**
     * Transient failures (MongoDB, Kafka) are retried with bounded exponential back-off; input that cannot succeed
     * is dead-lettered at once. Either way the record ends on the dead-letter topic with the standard
     * {@code kafka_dlt-*} headers plus a readable {@value DeadLetterReasons#HEADER}, and consumption goes on.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, ParserProperties properties,
                                         ParserMetrics metrics) {
        String deadLetterTopic = properties.topics().deadLetter();
        // partition -1: Kafka picks by key, so the dead-letter topic need not match the raw topic's partitions
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(deadLetterTopic, -1));
        deadLetters.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(DeadLetterReasons.HEADER,
                    DeadLetterReasons.describe(failure).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ConsumerAwareRecordRecoverer countingRecoverer = (record, consumer, failure) -> {
            deadLetters.accept(record, consumer, failure);
            metrics.failed();
            log.warn("Dead-lettered {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), deadLetterTopic, DeadLetterReasons.describe(failure));
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(countingRecoverer, backOff(properties.retry()));
        // the handler itself is silent about attempts it will retry; MongoDB or Kafka trouble should show in the log
        handler.setRetryListeners((record, failure, attempt) -> log.warn("Delivery {} of {}-{}@{} (key {}) failed: {}",
                attempt, record.topic(), record.partition(), record.offset(), record.key(),
                DeadLetterReasons.describe(failure)));
        handler.addNotRetryableExceptions(
                DeserializationException.class,
                UnsupportedDocumentException.class,
                InvalidRawDocumentException.class,
                IllegalArgumentException.class,
                ParserFailedException.class);
        return handler;
    }

    static BackOff backOff(ParserProperties.RetrySettings retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.maxAttempts());
        return backOff;
    }
}
