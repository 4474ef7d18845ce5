package nl.kamerqa.ingest.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every enabled source on its own schedule, one thread each: the next poll is planned when the previous one
 * ends, after the source's interval when it succeeded and after an exponential backoff when it failed, so polls
 * of one source never overlap and an unreachable source is asked less and less often. Starts after everything
 * else (the producer is ready) and stops first.
 */
public class FeedScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final List<FeedPoller> pollers;
    private final SourceStates states;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final Map<String, Instant> nextPollAt = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;
    private volatile boolean running;

    public FeedScheduler(List<FeedPoller> pollers, SourceStates states, FeedMetrics metrics, Clock clock) {
        this.pollers = List.copyOf(pollers);
        this.states = states;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void start() {
        List<FeedPoller> enabled = pollers.stream().filter(FeedPoller::enabled).toList();
        for (FeedPoller p : pollers) {
            if (!p.enabled()) {
                log.info("Source {} is off (kamerqa.feeds.{}.enabled=false)", p.name(), p.name());
            }
        }
        running = true;
        if (enabled.isEmpty()) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(enabled.size(), task -> {
            Thread t = new Thread(task, "feed-poller-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (FeedPoller p : enabled) {
            metrics.register(p.name(), clock.instant());
            // the stored last success, read off the start-up path (MongoDB may be slow or away), so a restart does
            // not reset the stale-feed alert
            executor.execute(() -> storedLastSuccess(p.name()).ifPresent(at -> metrics.restoreLastSuccess(p.name(), at)));
            log.info("Source {} is on: {}, every {} (first poll in {})", p.name(), p.describe(),
                    p.settings().interval(), p.settings().initialDelay());
            schedule(p, p.settings().initialDelay());
        }
    }

    private Optional<Instant> storedLastSuccess(String name) {
        try {
            return Optional.ofNullable(states.load(name).lastSuccess());
        } catch (RuntimeException e) {
            log.debug("Source {}: stored state not readable yet: {}", name, e.toString());
            return Optional.empty();
        }
    }

    private void schedule(FeedPoller p, Duration delay) {
        ScheduledExecutorService ex = executor;
        if (!running || ex == null || ex.isShutdown()) {
            return;
        }
        nextPollAt.put(p.name(), clock.instant().plus(delay));
        ex.schedule(() -> runAndReschedule(p), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runAndReschedule(FeedPoller p) {
        nextPollAt.remove(p.name());
        Duration next = p.settings().interval();
        try {
            PollResult result = p.poll();
            if (result.status() == PollResult.Status.FAILURE) {
                next = p.nextBackoff();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Throwable t) {
            // whatever happens in a poll, the source stays scheduled
            log.error("Source {}: unexpected failure of a poll", p.name(), t);
            next = p.nextBackoff();
        }
        schedule(p, next);
    }

    /** When the next poll of this source is planned, if it is. */
    public Optional<Instant> nextPollAt(String name) {
        return Optional.ofNullable(nextPollAt.get(name));
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService ex = executor;
        if (ex != null) {
            ex.shutdownNow();
            try {
                if (!ex.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("Feed pollers did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nextPollAt.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the web server and Kafka; stopped before them
        return Integer.MAX_VALUE - 100;
    }
}
