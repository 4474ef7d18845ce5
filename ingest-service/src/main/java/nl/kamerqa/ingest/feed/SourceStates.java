package nl.kamerqa.ingest.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Checkpoints, last success/error and counts per source (MongoDB collection {@code checkpoints}). */
public interface SourceStates {

    /**
     * @return the stored state, {@link SourceState#empty} when there is none
     * @throws SourceStateUnavailableException when the store cannot answer
     */
    SourceState load(String source);

    /** Every stored state. */
    List<SourceState> all();

    /**
     * Moves the checkpoint (when not null) and adds the counts, in one write.
     *
     * @throws SourceStateUnavailableException when the store cannot be written
     */
    void saveProgress(String source, Map<String, String> checkpoint, Counts delta);

    void recordSuccess(String source, Instant at);

    void recordError(String source, String message, Instant at);
}
