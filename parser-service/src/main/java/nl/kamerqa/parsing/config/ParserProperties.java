package nl.kamerqa.parsing.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import nl.kamerqa.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * parser-service settings ({@code kamerqa.*} in {@code parser-service.yml}).
 *
 * @param topics         the topics read and written
 * @param retry          back-off for failures that may go away by themselves
 * @param publishTimeout how long to wait for the broker to acknowledge a parsed event
 * @param deadLetters    the admin view of the dead-letter topic
 * @param storedOffsetsPatience how long a newly assigned partition waits for MongoDB to say where to resume before
 *                       it starts at the beginning instead (runs inside the consumer's poll: keep it well below
 *                       {@code max.poll.interval.ms}, 5 minutes)
 */
@Validated
@ConfigurationProperties(prefix = "kamerqa")
public record ParserProperties(@Valid @DefaultValue TopicSettings topics,
                               @Valid @DefaultValue RetrySettings retry,
                               @NotNull @DefaultValue("30s") Duration publishTimeout,
                               @Valid @DefaultValue DeadLetterSettings deadLetters,
                               @NotNull @DefaultValue("2m") Duration storedOffsetsPatience) {

    /**
     * Topic names; {@code partitions}, {@code replicas} and {@code maxMessageBytes} shape the topics this service
     * declares (parsed, dead-letter). {@code maxMessageBytes} must hold the largest raw record ingest-service
     * publishes, since a dead letter is that record unchanged; the producer's {@code max.request.size}
     * is set to it ({@link KafkaConfig}).
     */
    public record TopicSettings(@NotBlank @DefaultValue(Topics.RAW) String raw,
                                @NotBlank @DefaultValue(Topics.PARSED) String parsed,
                                @NotBlank @DefaultValue(Topics.RAW_DLT) String deadLetter,
                                @Positive @DefaultValue("3") int partitions,
                                @Positive @DefaultValue("1") int replicas,
                                @Positive @DefaultValue("75497472") long maxMessageBytes) {
    }

    /**
     * Exponential back-off for retryable failures that are not an infrastructure outage (e.g. a MongoDB write error
     * on the data): initial interval, times multiplier per attempt, capped at maxInterval, maxAttempts retries, then
     * the record is dead-lettered. Infrastructure outages use {@link #infrastructure()} instead.
     */
    public record RetrySettings(@NotNull @DefaultValue("1s") Duration initialInterval,
                                @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
                                @NotNull @DefaultValue("30s") Duration maxInterval,
                                @PositiveOrZero @DefaultValue("8") int maxAttempts,
                                @Valid @DefaultValue InfrastructureRetry infrastructure) {
    }

    /**
     * MongoDB or Kafka unreachable: retried without a limit, so an outage of any length never dead-letters a good
     * document; the consumer waits on the record and catches up afterwards. Exponential, capped at maxInterval (the
     * back-off sleeps on the consumer thread, so keep it well below {@code max.poll.interval.ms}, 5 minutes), with
     * a random jitter (scaled like the interval) so that instances do not retry in lock-step.
     */
    public record InfrastructureRetry(@NotNull @DefaultValue("1s") Duration initialInterval,
                                      @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
                                      @NotNull @DefaultValue("30s") Duration maxInterval,
                                      @NotNull @DefaultValue("250ms") Duration jitter) {
    }

    /**
     * @param redriveGroupId consumer group whose committed offsets mark the entries already re-driven
     * @param timeout        how long one Kafka call of a listing or re-drive may take before it answers 503
     */
    public record DeadLetterSettings(@NotBlank @DefaultValue("parser-service-redrive") String redriveGroupId,
                                     @NotNull @DefaultValue("10s") Duration timeout) {
    }
}
