package nl.kamerqa.query.stream;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import nl.kamerqa.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the live stream ({@code kamerqa.stream.*} in {@code query-service.yml}).
 *
 * @param enabled       whether this instance consumes the parsed topic at all (REST works either way)
 * @param topic         the topic parser-service publishes parsed documents to
 * @param replay        how many recent events each instance keeps for clients that reconnect with Last-Event-ID
 * @param maxClients    open streams per instance; more get 503 with Retry-After
 * @param clientBacklog events queued for one client; a client that falls this far behind is disconnected and
 *                      catches up by reconnecting (its EventSource does that by itself, with Last-Event-ID).
 *                      Keep it above the consumer's poll batch (100), or a burst disconnects healthy clients
 * @param timeout       how long one stream stays open; the client reconnects after it
 * @param keepAlive     interval of the comment lines that keep proxies from closing an idle stream
 */
@Validated
@ConfigurationProperties("kamerqa.stream")
public record StreamProperties(@DefaultValue("true") boolean enabled,
                               @NotBlank @DefaultValue(Topics.PARSED) String topic,
                               @Positive @DefaultValue("500") int replay,
                               @Positive @DefaultValue("500") int maxClients,
                               @Positive @DefaultValue("500") int clientBacklog,
                               @NotNull @DefaultValue("30m") Duration timeout,
                               @NotNull @DefaultValue("20s") Duration keepAlive) {
}
