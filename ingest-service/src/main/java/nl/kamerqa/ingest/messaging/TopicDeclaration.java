package nl.kamerqa.ingest.messaging;

import nl.kamerqa.ingest.config.KamerqaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Declares the topics (partitions, {@code max.message.bytes}) again until it succeeds. Boot's KafkaAdmin tries
 * once, during start-up; when the broker is away then, the raw topic would otherwise never be created with its
 * partitions and size limit (the producer does not let the broker auto-create it, see {@code allow.auto.create.topics}
 * in ingest-service.yml, so until then uploads get 503). Stops after the first success: one describe call when
 * the broker was there from the start.
 */
@Component
class TopicDeclaration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicDeclaration.class);

    private final KafkaAdmin admin;
    private final Duration retry;
    private volatile ScheduledExecutorService executor;

    TopicDeclaration(KafkaAdmin admin, KamerqaProperties properties) {
        this.admin = admin;
        this.retry = properties.ingest().topicRetry();
    }

    @Override
    public void start() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "kafka-topic-declaration");
            t.setDaemon(true);
            return t;
        });
        executor = ex;
        ex.scheduleWithFixedDelay(() -> {
            try {
                if (admin.initialize()) {
                    log.info("Kafka topics declared (partitions and max.message.bytes checked)");
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
