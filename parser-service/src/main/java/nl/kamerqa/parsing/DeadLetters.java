package nl.kamerqa.parsing;

import java.util.List;

/** The dead-letter topic as an operator uses it: look at what failed, and re-drive it once the parser is fixed. */
public interface DeadLetters {

    /** Upper bound of {@link #list(int)}'s limit, so one request cannot read an arbitrarily large topic. */
    int MAX_LIST = 500;

    /** The newest {@code limit} entries, newest first, without consuming anything. */
    Listing list(int limit);

    /**
     * Re-publishes up to {@code limit} entries not re-driven before to the raw topic, oldest first per partition,
     * and remembers them as re-driven; returns how many it re-published.
     *
     * @throws DeadLettersUnavailableException when Kafka could not be reached; what was re-driven until then stays so
     */
    int redrive(int limit);

    /**
     * @param items   the listed entries, newest first
     * @param topic   the dead-letter topic
     * @param total   entries in the topic (all partitions, as retained)
     * @param pending entries not yet re-driven
     */
    record Listing(List<DeadLetter> items, String topic, long total, long pending) {
        public Listing {
            items = List.copyOf(items);
        }
    }
}
