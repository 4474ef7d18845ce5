package nl.kamerqa.query.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.query.index.QuestionIndex.Change;
import nl.kamerqa.support.KafkaRecordTraces;
import nl.kamerqa.support.LogValues;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Feeds the index from the compacted parsed topic on a thread of its own. The consumer is assigned every partition
 * (no consumer group, no Kafka commits: the position lives in the index's own commits), so each replica replays the
 * whole topic into its own index. An empty index starts at the beginning of the topic, a committed one at its
 * offsets. A position the topic no longer has (deleted and re-created, or trimmed below the position) cannot be
 * resumed without a gap, so the index is rebuilt from the start instead.
 */
public class IndexFeeder implements SmartLifecycle {

    public static final String FRESHNESS = "kamerqa.query.index.freshness";
    private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);
    private static final Duration METADATA_CHECK = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final QuestionIndex index;
    private final IndexProperties properties;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final JsonMapper json;
    private final Timer freshness;
    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;
    private Duration backoff = FIRST_BACKOFF;

    public IndexFeeder(QuestionIndex index, IndexProperties properties, Supplier<Consumer<String, byte[]>> consumers,
                       JsonMapper json, MeterRegistry meters, ObservationRegistry observations, Tracer tracer) {
        this.index = index;
        this.observations = observations;
        this.tracer = tracer;
        this.properties = properties;
        this.consumers = consumers;
        this.json = json;
        this.freshness = Timer.builder(FRESHNESS)
                .description("From a parsed event's timestamp to its document being searchable here")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Empties the index and replays the topic from its start; done by the feeder thread before its next poll. */
    public void requestRebuild() {
        rebuildRequested.set(true);
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "query-index-feeder");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Consumer<String, byte[]> kafka = consumers.get()) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException e) {
                // stop() or a rebuild: the loop decides
            } catch (RuntimeException | IOException e) {
                // the broker away, or a batch the index refuses: retried from the applied offsets, less and less often
                log.warn("Search index feeder cannot go on with {} ({}); retrying in {}", properties.topic(), e.toString(), backoff);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                consumer = null;
            }
        }
        try {
            index.commit();
        } catch (IOException e) {
            log.warn("Search index: last commit on shutdown failed; the next start re-reads from the previous one", e);
        }
    }

    private void follow(Consumer<String, byte[]> kafka) throws IOException {
        long nextMetadataCheck = 0;
        long lastCommit = System.nanoTime();
        List<TopicPartition> assigned = List.of();
        while (running) {
            if (rebuildRequested.getAndSet(false)) {
                log.info("Search index: rebuild requested, replaying {} from its start", properties.topic());
                index.clear();
                assigned = List.of();
            }
            if (assigned.isEmpty() || System.nanoTime() > nextMetadataCheck) {
                assigned = assign(kafka, assigned);
                nextMetadataCheck = System.nanoTime() + METADATA_CHECK.toNanos();
                if (assigned.isEmpty()) {
                    pause(FIRST_BACKOFF); // the topic does not exist (yet): keep serving what the index has
                    continue;
                }
            }
            ConsumerRecords<String, byte[]> records = kafka.poll(properties.pollTimeout());
            if (!records.isEmpty()) {
                apply(kafka, records, assigned);
                backoff = FIRST_BACKOFF;
            }
            boolean due = System.nanoTime() - lastCommit >= properties.commitInterval().toNanos();
            if (due || records.count() < properties.maxPollRecords()) {
                index.commit();
                lastCommit = System.nanoTime();
            }
        }
    }

    /** Assigns all partitions and seeks to the index's offsets; rebuilds when those cannot be resumed. */
    private List<TopicPartition> assign(Consumer<String, byte[]> kafka, List<TopicPartition> current)
            throws IOException {
        List<PartitionInfo> infos = kafka.partitionsFor(properties.topic(), Duration.ofSeconds(10));
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        if (partitions.size() == current.size() && !partitions.isEmpty()) {
            return current;
        }
        if (partitions.isEmpty()) {
            kafka.assign(List.of());
            return List.of();
        }
        kafka.assign(partitions);
        Map<TopicPartition, Long> begin = kafka.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
        Map<Integer, Long> applied = index.appliedOffsets();
        boolean resumable = applied.keySet().stream().allMatch(p -> p < partitions.size());
        for (TopicPartition partition : partitions) {
            Long at = applied.get(partition.partition());
            if (at != null && (at > end.get(partition) || at < begin.get(partition))) {
                resumable = false;
            }
        }
        if (!resumable) {
            log.warn("Search index: offsets {} do not exist in {} (begin {}, end {}): the topic was re-created or "
                    + "trimmed, rebuilding from its start", applied, properties.topic(), begin, end);
            index.clear();
            applied = Map.of();
        }
        for (TopicPartition partition : partitions) {
            kafka.seek(partition, applied.getOrDefault(partition.partition(), begin.get(partition)));
        }
        log.info("Search index follows {} from {} (end {})", properties.topic(), applied, end);
        return partitions;
    }

    /**
     * The index applies a poll in one write: with one record, inside that record's trace (the trace its parsed event
     * carries); with several, in one {@code kamerqa.query.index-write} span linked to each record's
     * ({@link KafkaRecordTraces#withinAll}). Each document's {@code stage=indexed} line, after the write, is in its
     * own trace.
     */
    private void apply(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records,
                       List<TopicPartition> assigned) throws IOException {
        List<Observation> traces = new ArrayList<>(records.count());
        records.forEach(record -> traces.add(KafkaRecordTraces.start(record, "kamerqa.query.index", observations)));
        try {
            List<Change> changes = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                Change change = change(record);
                if (change != null) {
                    changes.add(change);
                }
            }
            Map<Integer, Long> next = new HashMap<>();
            for (TopicPartition partition : assigned) {
                next.put(partition.partition(), kafka.position(partition));
            }
            applyInTheirTraces(traces, changes, next, records.count() < properties.maxPollRecords());
            int i = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                try (Observation.Scope ignored = traces.get(i++).openScope()) {
                    log.info("stage=indexed documentId={}", LogValues.token(record.key()));
                }
            }
        } finally {
            traces.forEach(Observation::stop);
        }
        long now = System.currentTimeMillis();
        records.forEach(r -> freshness.record(Math.max(0, now - r.timestamp()), TimeUnit.MILLISECONDS));
    }

    private void applyInTheirTraces(List<Observation> traces, List<Change> changes, Map<Integer, Long> next,
                                    boolean caughtUp) throws IOException {
        try {
            KafkaRecordTraces.withinAll(traces, "kamerqa.query.index-write", tracer, () -> {
                try {
                    index.apply(changes, next, caughtUp);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the write's own failure, unwrapped again
        }
    }

    private Change change(ConsumerRecord<String, byte[]> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (record.value() == null) {
            return record.key() == null ? null : new Change(record.key(), null, at);
        }
        try {
            ParsedDocument document = json.readValue(record.value(), ParsedDocument.class);
            String id = record.key() != null ? record.key() : document.documentId();
            return id == null ? null : new Change(id, document.withDocumentId(id), at);
        } catch (JacksonException e) {
            log.warn("Search index skips {}-{}@{}: not a ParsedDocument ({})", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            return null;
        }
    }

    private void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
