package nl.kamerqa.support.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Declares a service's topics (its {@code NewTopic} beans: partitions, {@code max.message.bytes}, cleanup policy)
 * again until it succeeds, and then once more. Boot's KafkaAdmin tries once, during start-up; when the broker is
 * away then, the topics would otherwise never get their declared shape: ingest-service's raw topic its partitions
 * and size limit, parser-service's parsed topic its compaction, which query-service's index rebuild relies on.
 * <p>
 * Once more, because a producer's metadata request lets a broker with {@code auto.create.topics.enable} (Kafka's
 * default) create a missing topic with its own defaults (one partition, 1 MB records): the producer has no setting
 * against it. When that happens between KafkaAdmin's describe and its create, the create fails with "topic exists",
 * KafkaAdmin counts that as done, and the topic keeps the broker's defaults (seen in ingest-service's OutageTest: an
 * upload retried as the broker came back). The second pass, {@code kamerqa.kafka.topic-retry} later, finds the topic
 * and brings its partitions and configs to the declared ones ({@code spring.kafka.admin.modify-topic-configs}). Two
 * describe calls when the broker was there from the start.
 */
public class TopicDeclaration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicDeclaration.class);

    /** One declaration pass: true when the broker answered and every topic exists (KafkaAdmin.initialize). */
    private final BooleanSupplier declare;
    private final Duration retry;
    private volatile ScheduledExecutorService executor;

    public TopicDeclaration(KafkaAdmin admin, Duration retry) {
        this(admin::initialize, retry);
    }

    TopicDeclaration(BooleanSupplier declare, Duration retry) {
        this.declare = declare;
        this.retry = retry;
    }

    @Override
    public void start() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "kafka-topic-declaration");
            t.setDaemon(true);
            return t;
        });
        executor = ex;
        AtomicInteger passes = new AtomicInteger();
        ex.scheduleWithFixedDelay(() -> {
            try {
                if (declare.getAsBoolean() && passes.incrementAndGet() == 2) {
                    log.info("Kafka topics declared (partitions and configs checked)");
                    ex.shutdown();
                }
            } catch (RuntimeException e) {
                log.debug("Topics not declared yet, trying again in {}: {}", retry,
                        e.getCause() != null ? e.getCause().toString() : e.toString());
            }
        }, 0, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        if (ex != null) {
            ex.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
