package nl.kamerqa.ingest.feed;

import nl.kamerqa.ingest.DocumentRejectedException;
import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.IntakeResult;
import nl.kamerqa.ingest.IntakeUnavailableException;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.FeedItem.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One source, polled on its own schedule: a poll reads from the stored checkpoint until the source has nothing
 * newer, handing every document to the intake and moving the checkpoint after each item (or page), so a
 * restart resumes where the last one stopped and a crash re-reads at most the item or page it was in.
 *
 * <p>A poll never throws for what the network, the source or the store do: it records the error, counts it and
 * reports it in its {@link PollResult}; the scheduler then waits with backoff. Subclasses implement
 * {@link #pass(PollRun)} and use {@link PollRun#offer} and {@link PollRun#deleted} for the items they find.
 */
public abstract class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final String name;
    private final FeedProperties.Source settings;
    protected final FeedEnvironment env;
    private final ReentrantLock running = new ReentrantLock();
    private volatile int consecutiveFailures;

    protected FeedPoller(String name, FeedProperties.Source settings, FeedEnvironment env) {
        this.name = name;
        this.settings = settings;
        this.env = env;
    }

    /** The source's name: syncfeed, odata, sru, folder; also the {@code source} of its documents. */
    public final String name() {
        return name;
    }

    public final boolean enabled() {
        return settings.enabled();
    }

    public final FeedProperties.Source settings() {
        return settings;
    }

    /** Reads everything new since the checkpoint. */
    protected abstract void pass(PollRun run) throws FeedException, InterruptedException;

    /** A short description for the start-up log: where this source polls. */
    public abstract String describe();

    /**
     * One poll; at most one at a time per source (a poll asked for while one runs returns {@link PollResult#busy}).
     *
     * @throws InterruptedException when the thread was interrupted (the service is stopping)
     */
    public final PollResult poll() throws InterruptedException {
        if (!running.tryLock()) {
            return PollResult.busy();
        }
        PollRun run = null;
        try {
            SourceState state = env.states().load(name);
            run = new PollRun(state.checkpoint());
            pass(run);
            run.flush();
            Instant now = env.clock().instant();
            env.states().recordSuccess(name, now);
            env.metrics().pollSucceeded(name, now);
            consecutiveFailures = 0;
            if (run.counts().isZero()) {
                log.debug("{}: poll done, nothing new; checkpoint {}", name, run.checkpoint());
            } else {
                log.info("{}: poll done, {}; checkpoint {}", name, run.counts(), run.checkpoint());
            }
            return PollResult.success(run.counts());
        } catch (FeedException | IntakeUnavailableException | SourceStateUnavailableException e) {
            return failed(run, e.getMessage(), null);
        } catch (RuntimeException e) {
            // a bug or an unforeseen answer: still never a crash, but worth a stack trace
            return failed(run, e.toString(), e);
        } finally {
            running.unlock();
        }
    }

    private PollResult failed(PollRun run, String message, Throwable trace) {
        consecutiveFailures++;
        Instant now = env.clock().instant();
        Counts counts = run == null ? Counts.ZERO : run.counts();
        try {
            if (run != null) {
                run.flush();
            }
            env.states().recordError(name, message, now);
        } catch (RuntimeException e) {
            log.debug("{}: could not record the error: {}", name, e.toString());
        }
        env.metrics().pollFailed(name, now);
        Duration backoff = nextBackoff();
        if (trace != null) {
            log.warn("{}: poll failed ({}), next attempt in {}", name, message, backoff, trace);
        } else {
            log.warn("{}: poll failed ({}), next attempt in {}", name, message, backoff);
        }
        return PollResult.failure(counts, message);
    }

    /** Wait before the next poll after {@link #consecutiveFailures()} failed polls in a row. */
    public Duration nextBackoff() {
        FeedProperties.Politeness p = settings.politeness();
        Duration base = p.backoff().isZero() ? Duration.ofMillis(1) : p.backoff();
        // a failed poll has already retried its requests: start the poll backoff a few steps further
        return PoliteHttpClient.backoff(Math.max(1, consecutiveFailures) + 2, base, p.maxBackoff(),
                ThreadLocalRandom.current().nextDouble());
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    protected static void checkInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("poll interrupted");
        }
    }

    /** Fetches an item's document; throws {@link ItemFailedException} for what only fails this item. */
    @FunctionalInterface
    protected interface ItemFetcher {
        IncomingDocument fetch() throws FeedException, ItemFailedException, InterruptedException;
    }

    /** The state of one poll: its checkpoint and counts, and the item bookkeeping shared by the sources. */
    protected final class PollRun {

        private Map<String, String> checkpoint;
        private Counts total = Counts.ZERO;
        private Counts unsaved = Counts.ZERO;

        PollRun(Map<String, String> checkpoint) {
            this.checkpoint = Map.copyOf(checkpoint);
        }

        /** Where this poll started, or has got to. */
        public Map<String, String> checkpoint() {
            return checkpoint;
        }

        /** Stores a new checkpoint together with the counts since the last one. */
        public void checkpoint(Map<String, String> next) {
            env.states().saveProgress(name, next, unsaved);
            checkpoint = Map.copyOf(next);
            unsaved = Counts.ZERO;
        }

        void flush() {
            if (!unsaved.isZero()) {
                env.states().saveProgress(name, null, unsaved);
                unsaved = Counts.ZERO;
            }
        }

        public Counts counts() {
            return total;
        }

        /** Counts an outcome that is not an {@link #offer} (the folder source). */
        public void count(FeedMetrics.Item item) {
            Counts c = switch (item) {
                case FETCHED -> new Counts(1, 0, 0, 0, 0);
                case PUBLISHED -> new Counts(0, 1, 0, 0, 0);
                case DUPLICATE -> new Counts(0, 0, 1, 0, 0);
                case FAILED -> new Counts(0, 0, 0, 1, 0);
                case DELETED -> new Counts(0, 0, 0, 0, 1);
            };
            total = total.plus(c);
            unsaved = unsaved.plus(c);
            env.metrics().item(name, item);
        }

        /**
         * Takes in one item at one version, unless that version was handled before: fetches it, hands it to
         * the intake and records the outcome. A failure of the item alone is recorded and the feed goes on; a
         * {@link FeedException} or an unavailable intake stops the poll before anything is recorded, so the
         * item is taken up again by the next poll.
         *
         * @param key   the source's id of the item
         * @param stamp the item's modification time as the source gives it
         * @return what became of it; empty when this version had been handled already
         */
        public Optional<Outcome> offer(String key, String stamp, ItemFetcher fetcher)
                throws FeedException, InterruptedException {
            Optional<FeedItem> prior = env.items().find(name, key);
            if (prior.isPresent() && prior.get().stamp().equals(stamp)) {
                log.debug("{}: {} at {} was handled before ({})", name, key, stamp, prior.get().outcome());
                return Optional.empty();
            }
            IncomingDocument document;
            try {
                document = fetcher.fetch();
            } catch (ItemFailedException e) {
                return Optional.of(failed(key, stamp, e.getMessage()));
            }
            count(FeedMetrics.Item.FETCHED);
            try {
                IntakeResult result = env.sink().accept(document);
                Outcome outcome = result.status() == IntakeResult.Status.ACCEPTED ? Outcome.PUBLISHED : Outcome.DUPLICATE;
                env.items().record(new FeedItem(name, key, stamp, outcome, result.documentId(), result.contentSha256(),
                        null, env.clock().instant()));
                count(outcome == Outcome.PUBLISHED ? FeedMetrics.Item.PUBLISHED : FeedMetrics.Item.DUPLICATE);
                return Optional.of(outcome);
            } catch (DocumentRejectedException e) {
                return Optional.of(failed(key, stamp, e.getMessage()));
            }
        }

        private Outcome failed(String key, String stamp, String reason) {
            log.warn("{}: item {} ({}) failed and is skipped until it changes: {}", name, key, stamp, reason);
            env.items().record(new FeedItem(name, key, stamp, Outcome.FAILED, null, null, reason,
                    env.clock().instant()));
            count(FeedMetrics.Item.FAILED);
            return Outcome.FAILED;
        }

        /**
         * Records that the source deleted an item it had delivered; nothing is fetched. Deletions of items this
         * service never had are ignored.
         *
         * @return true when recorded now
         */
        public boolean deleted(String key, String stamp) {
            Optional<FeedItem> prior = env.items().find(name, key);
            if (prior.isEmpty() || prior.get().outcome() == Outcome.DELETED) {
                log.debug("{}: deletion of {} ignored ({})", name, key,
                        prior.isEmpty() ? "never delivered" : "recorded before");
                return false;
            }
            FeedItem had = prior.get();
            env.items().record(new FeedItem(name, key, stamp, Outcome.DELETED, had.documentId(), had.contentSha256(),
                    "deleted at the source", env.clock().instant()));
            count(FeedMetrics.Item.DELETED);
            log.info("{}: {} (document {}) was deleted at the source at {}", name, key, had.documentId(), stamp);
            return true;
        }
    }

    /** Builds a checkpoint map from key/value pairs, skipping null values. */
    protected static Map<String, String> checkpointOf(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
