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
 * @param retry          back-off for transient failures before a record is dead-lettered
 * @param publishTimeout how long to wait for the broker to acknowledge a parsed event
 */
@Validated
@ConfigurationProperties(prefix = "kamerqa")
public record ParserProperties(@Valid @DefaultValue TopicSettings topics,
                               @Valid @DefaultValue RetrySettings retry,
                               @NotNull @DefaultValue("30s") Duration publishTimeout) {

    /** Topic names; {@code partitions}/{@code replicas} shape the topics this service declares (parsed, dead-letter). */
    public record TopicSettings(@NotBlank @DefaultValue(Topics.RAW) String raw,
                                @NotBlank @DefaultValue(Topics.PARSED) String parsed,
                                @NotBlank @DefaultValue(Topics.RAW_DLT) String deadLetter,
                                @Positive @DefaultValue("3") int partitions,
                                @Positive @DefaultValue("1") int replicas) {
    }

    /** Exponential back-off: initial interval, times multiplier per attempt, capped at maxInterval, maxAttempts retries. */
    public record RetrySettings(@NotNull @DefaultValue("1s") Duration initialInterval,
                                @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
                                @NotNull @DefaultValue("30s") Duration maxInterval,
                                @PositiveOrZero @DefaultValue("8") int maxAttempts) {
    }
}
