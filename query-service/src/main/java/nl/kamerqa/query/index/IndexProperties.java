package nl.kamerqa.query.index;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import nl.kamerqa.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The search index ({@code kamerqa.index.*} in {@code query-service.yml}).
 *
 * @param directory      where this instance keeps its Lucene index (local disk; each replica its own)
 * @param topic          the compacted topic of parsed documents the index is built from
 * @param maxPollRecords parsed documents applied per batch
 * @param pollTimeout    how long one poll waits for new documents; bounds how late a new document is searchable
 * @param commitInterval how often the index and its topic offsets are committed to disk while documents arrive;
 *                       a crash costs re-reading at most this much of the topic, never a gap
 * @param threads        threads that analyze and index the documents of a batch at the same time; 0 = one per
 *                       processor (a replay or backfill then uses every core; a trickle of new documents one)
 */
@Validated
@ConfigurationProperties("kamerqa.index")
public record IndexProperties(@NotNull @DefaultValue("data/query-index") Path directory,
                              @NotBlank @DefaultValue(Topics.PARSED) String topic,
                              @Positive @DefaultValue("500") int maxPollRecords,
                              @NotNull @DefaultValue("200ms") Duration pollTimeout,
                              @NotNull @DefaultValue("1s") Duration commitInterval,
                              @PositiveOrZero @DefaultValue("0") int threads) {

    /** The number of indexing threads, 0 resolved to the processors this JVM may use. */
    public int indexingThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
