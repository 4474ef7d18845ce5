package nl.kamerqa.parsing.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import nl.kamerqa.parsing.FailureReason;
import nl.kamerqa.support.KafkaRecordTraces;
import nl.kamerqa.support.LogValues;
import nl.kamerqa.parsing.ParserMetrics;
import nl.kamerqa.parsing.ParserMetrics.DeliveryFailure;
import nl.kamerqa.parsing.messaging.DeadLetterReasons;
import nl.kamerqa.parsing.messaging.OversizedDeadLetters;
import nl.kamerqa.parsing.messaging.RawDocumentListener;
import nl.kamerqa.parsing.messaging.StoredOffsetsSeeker;
import nl.kamerqa.parsing.ConsumedPositions;
import nl.kamerqa.parsing.Origin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Serialisation, topics and error handling. Boot's own consumer and producer factories are kept (bootstrap
 * servers, spring.kafka.* settings, Micrometer listeners) and only given the serialisers below; the consumer's
 * Micrometer listener is swapped for one that refreshes more often ({@link KafkaConsumerMetricsRefresh}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    /**
     * Values are consumed as bytes and decoded by {@link RawDocumentListener}: a byte-array deserializer cannot fail,
     * and the listener's record keeps the exact bytes, so whatever is dead-lettered (not JSON, or JSON the parser
     * cannot use) reaches the dead-letter topic as it was sent and is re-driven unchanged. (Deserialising to
     * RawDocument here, even behind an ErrorHandlingDeserializer, would dead-letter a re-serialised copy that drops
     * fields this version does not know.)
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer rawDocumentDeserializers() {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<String, byte[]> consumers = (DefaultKafkaConsumerFactory<String, byte[]>) factory;
            consumers.setKeyDeserializer(new StringDeserializer());
            consumers.setValueDeserializer(new ByteArrayDeserializer());
        };
    }

    /**
     * Records are JSON without type headers; byte arrays pass through untouched, so a dead-lettered raw record
     * keeps its original bytes.
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

    /**
     * The producer takes records as large as the topics it writes allow ({@code kamerqa.topics.max-message-bytes}):
     * with Kafka's 1 MB default a dead letter of a large document is refused. A record must fit into the buffer
     * whole; two, so one large record does not hold up the next. Added to Boot's settings (security is kept).
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer recordSizedProducer(ParserProperties properties) {
        long maxRecord = properties.topics().maxMessageBytes();
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, maxRecord),
                ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * 1024 * 1024, 2 * maxRecord)));
    }

    /** Per-partition consumer lag within seconds instead of up to a minute; see {@link KafkaConsumerMetricsRefresh}. */
    @Bean
    static KafkaConsumerMetricsRefresh kafkaConsumerMetricsRefresh(ObjectProvider<MeterRegistry> registry) {
        return new KafkaConsumerMetricsRefresh(registry);
    }

    /**
     * Compacted: the topic is the replayable log of every document's latest version (key = documentId), from which
     * query-service rebuilds its search index.
     */
    @Bean
    NewTopic parsedTopic(ParserProperties properties) {
        NewTopic topic = topic(properties.topics().parsed(), properties.topics());
        topic.configs().put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        return topic;
    }

    @Bean
    NewTopic deadLetterTopic(ParserProperties properties) {
        return topic(properties.topics().deadLetter(), properties.topics());
    }

    /**
     * Declared with room for the largest raw record, since a dead letter is the raw record unchanged (whichever of
     * ingest- and parser-service creates the topic first decides its shape, so both must ask for enough).
     */
    private static NewTopic topic(String name, ParserProperties.TopicSettings settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicas())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(settings.maxMessageBytes()))
                .build();
    }

    /**
     * Infrastructure failures (MongoDB or Kafka unreachable) are retried without limit, other retryable failures
     * with bounded exponential back-off, and input that cannot succeed is dead-lettered at once (see
     * {@link RetryPolicy}). A dead-lettered record carries the standard {@code kafka_dlt-*} headers plus a readable
     * {@value DeadLetterReasons#HEADER}, and consumption goes on.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, ParserProperties properties,
                                         ParserMetrics metrics, ConsumedPositions positions,
                                         ObservationRegistry observations) {
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
        ConsumerAwareRecordRecoverer countingRecoverer = (record, consumer, thrown) -> {
            // the kafka_dlt-exception-* headers name what failed, not the container's and batch listener's wrappers
            Exception failure = DeadLetterReasons.unwrap(thrown) instanceof Exception cause ? cause : thrown;
            // throws when the dead-letter topic did not acknowledge: the record is then delivered again, not lost
            try {
                deadLetters.accept(record, consumer, failure);
            } catch (RuntimeException e) {
                if (!OversizedDeadLetters.refusedForSize(e)) {
                    throw e;
                }
                // redelivering would fail the same way forever and block the partition: dead-letter the reason
                // and a pointer to the raw record instead, which the re-drive follows
                log.warn("stage=dead-lettered documentId={} outcome=value-omitted source={}-{}@{} detail={}",
                        key(record), record.topic(), record.partition(), record.offset(), LogValues.quoted(e.toString()));
                deadLetters.accept(OversizedDeadLetters.withoutValue(record, e), consumer, failure);
            }
            recordConsumed(positions, record, consumer);
            FailureReason reason = DeadLetterReasons.reason(failure);
            metrics.deadLettered(reason);
            withDocumentId(record, () -> log.warn(
                    "stage=dead-lettered documentId={} outcome=failed reason={} source={}-{}@{} deadLetterTopic={} detail={}",
                    key(record), reason.code(), record.topic(), record.partition(), record.offset(), deadLetterTopic,
                    LogValues.quoted(DeadLetterReasons.describe(failure))));
        };
        BackOff bounded = backOff(properties.retry());
        BackOff unbounded = infrastructureBackOff(properties.retry().infrastructure());
        DefaultErrorHandler handler = new DefaultErrorHandler(inRecordTrace(countingRecoverer, observations), bounded);
        // a MongoDB outage of any length must not send good documents to the dead-letter topic
        handler.setBackOffFunction((record, failure) ->
                RetryPolicy.classify(failure) == DeliveryFailure.INFRASTRUCTURE ? unbounded : bounded);
        // the handler itself is silent about attempts it will retry; MongoDB or Kafka trouble should show in the log
        handler.setRetryListeners((record, failure, attempt) -> {
            DeliveryFailure kind = RetryPolicy.classify(failure);
            metrics.deliveryFailed(kind);
            if (kind != DeliveryFailure.PERMANENT) {
                withDocumentId(record, () -> log.warn(
                        "stage=retrying documentId={} outcome=retrying failure={} attempt={} source={}-{}@{} detail={}",
                        key(record), kind.name().toLowerCase(Locale.ROOT), attempt, record.topic(),
                        record.partition(), record.offset(), LogValues.quoted(DeadLetterReasons.describe(failure))));
            }
        });
        handler.addNotRetryableExceptions(RetryPolicy.PERMANENT.toArray(Class[]::new));
        return handler;
    }

    /**
     * The recoverer inside the failed record's trace: the template's observation then replaces the {@code traceparent}
     * the dead letter copied from the record with one of that same trace (without it, one of a new trace, and the
     * record's own is lost), and the dead-letter log lines carry its trace id.
     */
    private static ConsumerAwareRecordRecoverer inRecordTrace(ConsumerAwareRecordRecoverer recoverer,
                                                              ObservationRegistry observations) {
        return (record, consumer, thrown) -> KafkaRecordTraces.of(record, "kamerqa.parser.dead-letter", observations)
                .observe(() -> recoverer.accept(record, consumer, thrown));
    }

    /**
     * A dead-lettered record is done too. Not fatal when MongoDB refuses: Kafka's commit still moves on, and the next
     * record's entry covers this one; only a restart before that would dead-letter it a second time.
     */
    private static void recordConsumed(ConsumedPositions positions, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        try {
            positions.consumed(consumer.groupMetadata().groupId(),
                    new Origin(record.topic(), record.partition(), record.offset()));
        } catch (RuntimeException e) {
            log.warn("stage=dead-lettered documentId={} outcome=position-not-stored source={}-{}@{} detail={}",
                    key(record), record.topic(), record.partition(), record.offset(), LogValues.quoted(e.toString()));
        }
    }

    /**
     * Every listener container starts its partitions where MongoDB says this group got to
     * ({@link StoredOffsetsSeeker}), not at Kafka's committed offsets.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> storedOffsetsSeeking(
            ConsumedPositions positions, ParserProperties properties) {
        StoredOffsetsSeeker seeker = new StoredOffsetsSeeker(positions, properties.storedOffsetsPatience());
        return container -> container.getContainerProperties().setConsumerRebalanceListener(seeker);
    }

    /** The record's key as one log field: a key from the topic is not validated, so it must not break the line. */
    private static String key(ConsumerRecord<?, ?> record) {
        return LogValues.token(record.key() == null ? null : String.valueOf(record.key()));
    }

    private static void withDocumentId(ConsumerRecord<?, ?> record, Runnable logging) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RawDocumentListener.MDC_DOCUMENT_ID, String.valueOf(record.key()))) {
            logging.run();
        }
    }

    static BackOff backOff(ParserProperties.RetrySettings retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.maxAttempts());
        return backOff;
    }

    /** No attempt or time limit: ExponentialBackOff's defaults for both are Long.MAX_VALUE. */
    static BackOff infrastructureBackOff(ParserProperties.InfrastructureRetry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setJitter(retry.jitter().toMillis());
        return backOff;
    }
}
