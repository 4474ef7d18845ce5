package nl.kamerqa.ingest.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The feeds in Prometheus, by {@code feed}:
 * <ul>
 *   <li>{@code kamerqa_feed_polls_total{feed,result}}: polls that succeeded or failed;</li>
 *   <li>{@code kamerqa_feed_last_success_timestamp_seconds{feed}}: end of the last successful poll, epoch seconds
 *       (the ops alert KamerqaFeedStale reads this name); the service's start when the source never succeeded;</li>
 *   <li>{@code kamerqa_feed_last_error_timestamp_seconds{feed}}: time of the last failed poll;</li>
 *   <li>{@code kamerqa_feed_items_total{feed,outcome}}: fetched, published, duplicate, failed, deleted;</li>
 *   <li>{@code kamerqa_feed_http_retries_total{feed}}: requests repeated after a 429, 5xx or timeout.</li>
 * </ul>
 * Documents also count in {@code kamerqa_ingest_documents_received_total{source}} and
 * {@code kamerqa_ingest_documents_total{source,outcome,reason}} through the intake.
 */
@Component
public class FeedMetrics {

    public static final String POLLS = "kamerqa.feed.polls";
    // with base unit "seconds" the Prometheus name is kamerqa_feed_last_success_timestamp_seconds
    public static final String LAST_SUCCESS = "kamerqa.feed.last.success.timestamp";
    public static final String LAST_ERROR = "kamerqa.feed.last.error.timestamp";
    public static final String ITEMS = "kamerqa.feed.items";
    public static final String RETRIES = "kamerqa.feed.http.retries";

    public enum Item {
        FETCHED, PUBLISHED, DUPLICATE, FAILED, DELETED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> lastError = new ConcurrentHashMap<>();

    public FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Makes the feed's series visible. Only enabled feeds register: a disabled feed with a last-success time
     * would set off the stale-feed alert.
     */
    public void register(String feed, Instant lastSuccessAt) {
        gauge(lastSuccess, LAST_SUCCESS, "End of the last successful poll", feed)
                .set(lastSuccessAt == null ? Double.NaN : seconds(lastSuccessAt));
        gauge(lastError, LAST_ERROR, "Time of the last failed poll", feed);
        for (String result : new String[]{"success", "error"}) {
            polls(feed, result);
        }
        for (Item item : Item.values()) {
            items(feed, item);
        }
        retries(feed);
    }

    public void pollSucceeded(String feed, Instant at) {
        polls(feed, "success").increment();
        gauge(lastSuccess, LAST_SUCCESS, "End of the last successful poll", feed).set(seconds(at));
    }

    /** Sets the last success from the stored state, unless a poll of this run has succeeded since. */
    public void restoreLastSuccess(String feed, Instant at) {
        AtomicReference<Double> holder = gauge(lastSuccess, LAST_SUCCESS, "End of the last successful poll", feed);
        holder.updateAndGet(current -> pollsSucceeded(feed) > 0 ? current : seconds(at));
    }

    private double pollsSucceeded(String feed) {
        return polls(feed, "success").count();
    }

    public void pollFailed(String feed, Instant at) {
        polls(feed, "error").increment();
        gauge(lastError, LAST_ERROR, "Time of the last failed poll", feed).set(seconds(at));
    }

    public void item(String feed, Item item) {
        items(feed, item).increment();
    }

    public void retried(String feed) {
        retries(feed).increment();
    }

    private Counter polls(String feed, String result) {
        return Counter.builder(POLLS).description("Polls of a feed by result")
                .tag("feed", feed).tag("result", result).register(registry);
    }

    private Counter items(String feed, Item item) {
        return Counter.builder(ITEMS).description("Items of a feed by what became of them")
                .tag("feed", feed).tag("outcome", item.tag()).register(registry);
    }

    private Counter retries(String feed) {
        return Counter.builder(RETRIES).description("Requests to a feed repeated after a 429, 5xx or timeout")
                .tag("feed", feed).register(registry);
    }

    private AtomicReference<Double> gauge(Map<String, AtomicReference<Double>> holders, String name,
                                          String description, String feed) {
        return holders.computeIfAbsent(feed, f -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            Gauge.builder(name, holder, AtomicReference::get).description(description).baseUnit("seconds")
                    .tag("feed", f).strongReference(true).register(registry);
            return holder;
        });
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }
}
