package nl.kamerqa.ingest.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client, in memory: a bucket holds at most {@code capacity} tokens, gains
 * {@code perMinute} tokens a minute, and every request takes one. A client's first request finds a full bucket.
 * Time comes from the injected clock, so the behaviour can be tested without waiting.
 *
 * <p>Per instance only: with several replicas a client gets the limit at each of them. Buckets of clients that
 * have been quiet long enough to be full again carry no information and are dropped when the map grows past
 * {@code maxClients}.
 */
public final class TokenBuckets {

    private final double capacity;
    private final double tokensPerMilli;
    private final Clock clock;
    private final int maxClients;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int perMinute, int capacity, Clock clock, int maxClients) {
        if (perMinute < 1 || capacity < 1 || maxClients < 1) {
            throw new IllegalArgumentException("perMinute, capacity and maxClients must be at least 1");
        }
        this.capacity = capacity;
        this.tokensPerMilli = perMinute / 60_000.0;
        this.clock = clock;
        this.maxClients = maxClients;
    }

    /**
     * Takes a token from the client's bucket.
     *
     * @return empty when the request may go ahead; otherwise how long until the client has a token again
     */
    public Optional<Duration> tryTake(String client) {
        long now = clock.millis();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            dropFullBuckets(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, tokensPerMilli);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            long millis = (long) Math.ceil((1 - bucket.tokens) / tokensPerMilli);
            return Optional.of(Duration.ofMillis(Math.max(1, millis)));
        }
    }

    int clients() {
        return buckets.size();
    }

    private void dropFullBuckets(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                bucket.refill(now, capacity, tokensPerMilli);
                if (bucket.tokens >= capacity) {
                    it.remove();
                }
            }
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.updatedAt = at;
        }

        void refill(long now, double capacity, double perMilli) {
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (now - updatedAt) * perMilli);
                updatedAt = now;
            }
        }
    }
}
