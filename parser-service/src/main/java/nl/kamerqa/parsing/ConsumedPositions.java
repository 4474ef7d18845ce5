package nl.kamerqa.parsing;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How far a consumer group got in each partition, kept in the same store as what it produced, so that the results
 * of a record and the record of having consumed it are kept or lost together (RELIABILITY.md, "Hard kill").
 */
public interface ConsumedPositions {

    /**
     * The records at these origins and everything before them in their partitions are done: resume after the last
     * one of each partition. One durable write for all of them.
     */
    void consumedAll(String group, Collection<Origin> origins);

    /** The record at {@code origin} and everything before it in its partition are done: resume after it. */
    default void consumed(String group, Origin origin) {
        consumedAll(group, List.of(origin));
    }

    /** Partition to the offset to resume at, for each of these partitions of the topic that has an entry. */
    Map<Integer, Long> nextOffsets(String group, String topic, Collection<Integer> partitions);
}
