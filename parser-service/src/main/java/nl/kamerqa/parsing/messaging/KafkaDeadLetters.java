package nl.kamerqa.parsing.messaging;

import nl.kamerqa.parsing.DeadLetter;
import nl.kamerqa.parsing.DeadLetters;
import nl.kamerqa.parsing.DeadLettersUnavailableException;
import nl.kamerqa.parsing.ParserMetrics;
import nl.kamerqa.parsing.config.ParserProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter topic, read with plain Kafka clients configured like Boot's (bootstrap servers, security, SSL
 * bundles), but with byte-array serde so key, value and headers pass through unchanged.
 * <ul>
 * <li>Listing assigns all partitions and seeks; it joins no group and commits nothing.</li>
 * <li>Re-driving reads from the committed offsets of its own consumer group ({@code parser-service-redrive}) and
 * commits after each record the raw topic acknowledged, so each entry is re-driven once. Records dead-lettered
 * again after a re-drive are new entries (with {@value #REDRIVEN_FROM} naming the old one) and can be re-driven by
 * a later call.</li>
 * </ul>
 * Partitions are assigned rather than subscribed, so a call starts at once instead of waiting for a group
 * rebalance; calls are serialised within this instance, and a duplicate re-drive from two instances at once would
 * only be skipped by the parser as already current.
 */
@Component
public class KafkaDeadLetters implements DeadLetters, DisposableBean {

    /** Header on a re-driven raw record: the dead-letter entry it came from, {@code <topic>-<partition>@<offset>}. */
    public static final String REDRIVEN_FROM = "kamerqa_redriven_from";

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);
    private static final String WRAPPER = ListenerExecutionFailedException.class.getName();
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final String deadLetterTopic;
    private final String rawTopic;
    private final Duration timeout;
    private final ParserMetrics metrics;
    private KafkaProducer<byte[], byte[]> producer;

    public KafkaDeadLetters(ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers,
                            ParserProperties properties, ParserMetrics metrics) {
        this.deadLetterTopic = properties.topics().deadLetter();
        this.rawTopic = properties.topics().raw();
        this.timeout = properties.deadLetters().timeout();
        this.metrics = metrics;
        int timeoutMs = (int) timeout.toMillis();

        this.consumerConfig = new HashMap<>(consumers.getConfigurationProperties());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, properties.deadLetters().redriveGroupId());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        consumerConfig.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        consumerConfig.remove(ConsumerConfig.CLIENT_ID_CONFIG);

        this.producerConfig = new HashMap<>(producers.getConfigurationProperties());
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        producerConfig.remove(ProducerConfig.CLIENT_ID_CONFIG);
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

    @Override
    public synchronized Listing list(int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = assignAll(consumer);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> redriven = redrivenUpTo(consumer, partitions, begin);
            // only the newest `limit` of each partition can be among the newest `limit` overall
            partitions.forEach(p -> consumer.seek(p, Math.max(begin.get(p), end.get(p) - limit)));
            List<DeadLetter> items = new ArrayList<>();
            readUntil(consumer, end, record -> {
                items.add(deadLetter(record, redriven.get(new TopicPartition(record.topic(), record.partition()))));
                return true;
            });
            items.sort(Comparator.comparing(DeadLetter::deadLetteredAt).thenComparing(DeadLetter::partition)
                    .thenComparing(DeadLetter::offset).reversed());
            long total = 0;
            long pending = 0;
            for (TopicPartition p : partitions) {
                total += end.get(p) - begin.get(p);
                pending += end.get(p) - redriven.get(p);
            }
            return new Listing(items.subList(0, Math.min(limit, items.size())), deadLetterTopic, total, pending);
        } catch (KafkaException | TimeoutException e) {
            throw unavailable("listing " + deadLetterTopic, e);
        }
    }

    @Override
    public synchronized int redrive(int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = assignAll(consumer);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            // entries dead-lettered while this runs (a re-driven record failing again) wait for the next call
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            redrivenUpTo(consumer, partitions, begin).forEach(consumer::seek);
            int[] count = {0};
            readUntil(consumer, end, record -> {
                if (count[0] >= limit) {
                    return false;
                }
                redrive(record);
                // committed per record: a failure later in the call leaves the ones before it re-driven once
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                count[0]++;
                return true;
            });
            return count[0];
        } catch (KafkaException | TimeoutException e) {
            throw unavailable("re-driving " + deadLetterTopic, e);
        }
    }

    private void redrive(ConsumerRecord<byte[], byte[]> record) throws TimeoutException {
        String from = record.topic() + "-" + record.partition() + "@" + record.offset();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            // the failure description belongs to the dead-letter entry, not to the record being tried again
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("kamerqa_dlt_")
                    && !header.key().equals(REDRIVEN_FROM)) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REDRIVEN_FROM, from.getBytes(StandardCharsets.UTF_8)));
        byte[] value = record.headers().lastHeader(OversizedDeadLetters.HEADER) == null
                ? record.value()
                : originalValue(record, from);
        try {
            producer().send(new ProducerRecord<>(rawTopic, null, record.key(), value, headers))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while re-driving " + from, e);
        }
        metrics.redriven();
        log.info("stage=redriven documentId={} outcome=redriven redrivenFrom={} topic={}", key(record), from, rawTopic);
    }

    /**
     * The value of an entry dead-lettered without it (see {@link OversizedDeadLetters}): read from the raw record its
     * {@code kafka_dlt-original-*} headers point at. Fails, and so stops the re-drive before this entry is marked
     * re-driven, when the raw topic no longer holds that record.
     */
    private byte[] originalValue(ConsumerRecord<byte[], byte[]> entry, String from) throws TimeoutException {
        String topic = text(entry, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Long partition = number(entry, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Long offset = number(entry, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        if (topic == null || partition == null || offset == null) {
            throw new KafkaException(from + " holds no value and no original-record headers to read it from");
        }
        TopicPartition original = new TopicPartition(topic, partition.intValue());
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // reads one record; joins no group, commits nothing
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(original));
            consumer.seek(original, offset);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(original)) {
                    if (record.offset() == offset) {
                        return record.value();
                    }
                    throw new KafkaException(from + ": its raw record " + original + "@" + offset
                            + " is no longer on the topic (retention?); the first one there is @" + record.offset());
                }
            }
            throw new TimeoutException("no record " + original + "@" + offset + " within " + timeout);
        }
    }

    /** Reads each partition from its position up to {@code end}, while {@code each} returns true. */
    private void readUntil(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end,
                           RecordHandler each) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (end.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                deadline = System.nanoTime() + timeout.toNanos();
            } else if (System.nanoTime() > deadline) {
                throw new TimeoutException("no records from " + deadLetterTopic + " within " + timeout);
            }
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                    if (record.offset() >= end.get(partition)) {
                        break;
                    }
                    if (!each.handle(record)) {
                        return;
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface RecordHandler {
        boolean handle(ConsumerRecord<byte[], byte[]> record) throws TimeoutException;
    }

    private List<TopicPartition> assignAll(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                .map(p -> new TopicPartition(deadLetterTopic, p.partition()))
                .toList();
        consumer.assign(partitions);
        return partitions;
    }

    /** Per partition, the first offset the re-drive group has not re-driven yet. */
    private static Map<TopicPartition, Long> redrivenUpTo(KafkaConsumer<byte[], byte[]> consumer,
                                                          List<TopicPartition> partitions,
                                                          Map<TopicPartition, Long> begin) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> upTo = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndMetadata offset = committed.get(p);
            upTo.put(p, offset == null ? begin.get(p) : Math.max(offset.offset(), begin.get(p)));
        }
        return upTo;
    }

    private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, long redrivenUpTo) {
        String exceptionClass = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String cause = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        if (WRAPPER.equals(exceptionClass) && cause != null) {
            exceptionClass = cause; // what the listener threw, not the container's wrapper around it
        }
        Long originalPartition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        return new DeadLetter(key(record), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                originalPartition == null ? null : originalPartition.intValue(),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                exceptionClass,
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(record, DeadLetterReasons.HEADER),
                text(record, REDRIVEN_FROM),
                record.offset() < redrivenUpTo,
                text(record, OversizedDeadLetters.HEADER));
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The original partition (int) and offset (long) headers are big-endian binary. */
    private static Long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Created on first use, so a service that never re-drives opens no extra producer. */
    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private DeadLettersUnavailableException unavailable(String what, Exception e) {
        log.warn("{} failed: {}", what, e.toString());
        return new DeadLettersUnavailableException(what + " failed: Kafka did not answer (" + e.getMessage() + ")", e);
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
