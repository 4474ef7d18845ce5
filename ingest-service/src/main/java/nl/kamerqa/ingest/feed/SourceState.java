package nl.kamerqa.ingest.feed;

import java.time.Instant;
import java.util.Map;

/**
 * A source's persisted state (MongoDB collection {@code checkpoints}, {@code _id} = source name).
 *
 * @param checkpoint  where the next poll resumes (skiptoken, modifiedSince, startRecord, ...); empty before the first
 * @param lastSuccess end of the last poll that completed, or null
 * @param lastError   what went wrong last, or null
 * @param lastErrorAt when that was, or null
 */
public record SourceState(String name, Map<String, String> checkpoint, Instant lastSuccess, String lastError,
                          Instant lastErrorAt, Counts counts) {

    public SourceState {
        checkpoint = checkpoint == null ? Map.of() : Map.copyOf(checkpoint);
        counts = counts == null ? Counts.ZERO : counts;
    }

    public static SourceState empty(String name) {
        return new SourceState(name, Map.of(), null, null, null, Counts.ZERO);
    }
}
