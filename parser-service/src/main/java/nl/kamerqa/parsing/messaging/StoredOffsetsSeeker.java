package nl.kamerqa.parsing.messaging;

import nl.kamerqa.parsing.ConsumedPositions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts each newly assigned partition where the store says this group got to ({@link ConsumedPositions}), not where
 * Kafka's committed offset says: the two disagree after a hard kill or power cut that took the store's last writes
 * but not Kafka's commit, and only the store's answer loses nothing. A partition without an entry starts at its
 * beginning (processing is idempotent; what is already stored and published is skipped). An entry beyond the
 * partition's end (the topic was truncated or recreated) starts at the end.
 */
public class StoredOffsetsSeeker implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(StoredOffsetsSeeker.class);

    private final ConsumedPositions positions;
    private final Duration lookupPatience;

    /**
     * @param lookupPatience how long to retry the lookup while the store is unreachable before starting at the
     *                       beginning instead (keep it well below {@code max.poll.interval.ms}: this runs in poll)
     */
    public StoredOffsetsSeeker(ConsumedPositions positions, Duration lookupPatience) {
        this.positions = positions;
        this.lookupPatience = lookupPatience;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        String group = consumer.groupMetadata().groupId();
        Map<TopicPartition, Long> stored = lookUp(group, partitions);
        if (stored == null) {
            log.warn("stage=assigned outcome=replay partitions={}: the store did not answer within {}; starting at the "
                    + "beginning (stored documents are skipped)", partitions, lookupPatience);
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> ends = endOffsets(consumer, partitions);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next == null) {
                log.info("stage=assigned partition={} outcome=from-beginning: no stored position for group {}",
                        partition, group);
                consumer.seekToBeginning(List.of(partition));
                continue;
            }
            Long end = ends.get(partition);
            long position = end == null ? next : Math.min(next, end);
            log.info("stage=assigned partition={} outcome=seek offset={} storedOffset={} endOffset={}", partition,
                    position, next, end);
            consumer.seek(partition, position);
        }
    }

    /** Null when the store stayed unreachable for the whole patience. */
    private Map<TopicPartition, Long> lookUp(String group, Collection<TopicPartition> partitions) {
        long deadline = System.nanoTime() + lookupPatience.toNanos();
        long pauseMillis = 500;
        while (true) {
            try {
                return nextOffsets(group, partitions);
            } catch (RuntimeException e) {
                if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    return null;
                }
                log.warn("stage=assigned outcome=retrying detail=\"stored positions unavailable: {}\"", e.toString());
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 10_000);
            }
        }
    }

    private Map<TopicPartition, Long> nextOffsets(String group, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> next = new HashMap<>();
        Map<String, List<Integer>> byTopic = partitions.stream().collect(Collectors.groupingBy(TopicPartition::topic,
                Collectors.mapping(TopicPartition::partition, Collectors.toList())));
        byTopic.forEach((topic, numbers) -> positions.nextOffsets(group, topic, numbers)
                .forEach((partition, offset) -> next.put(new TopicPartition(topic, partition), offset)));
        return next;
    }

    /** Empty when the broker does not answer: then the stored positions are used as they are. */
    private static Map<TopicPartition, Long> endOffsets(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        try {
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        } catch (KafkaException e) {
            log.warn("stage=assigned detail=\"end offsets unavailable ({}); seeking to the stored positions\"",
                    e.toString());
            return Map.of();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for MongoDB", e);
        }
    }
}
