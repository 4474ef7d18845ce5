package nl.kamerqa.ingest.feed;

import java.time.Instant;
import java.util.Map;

/**
 * One source as the admin endpoint shows it.
 *
 * @param checkpoint where its next poll resumes
 * @param nextPollAt when its next poll is planned; null when it is off or polling now
 */
public record SourceStatus(String name, boolean enabled, Map<String, String> checkpoint, Instant lastSuccess,
                           String lastError, Instant lastErrorAt, Counts counts, Instant nextPollAt) {
}
