package nl.kamerqa.parsing.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Makes the per-partition consumer lag ({@code kafka_consumer_fetch_manager_records_lag{topic,partition}}) show
 * within seconds. Boot registers spring-kafka's {@link MicrometerConsumerListener} on its consumer factory, but
 * Micrometer re-reads the Kafka client's metrics only every 60 s, and Kafka creates a partition's lag metric only
 * after the first fetch from it: the lag of newly assigned partitions showed up to a minute late (and stayed as long
 * after a rebalance moved them away). This swaps Boot's listener for the same one refreshing every 10 s.
 */
final class KafkaConsumerMetricsRefresh implements BeanPostProcessor, DisposableBean {

    static final Duration REFRESH = Duration.ofSeconds(10);

    private final ObjectProvider<MeterRegistry> registry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-consumer-metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });

    KafkaConsumerMetricsRefresh(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultKafkaConsumerFactory<?, ?> factory) {
            swap(factory);
        }
        return bean;
    }

    private <K, V> void swap(DefaultKafkaConsumerFactory<K, V> factory) {
        List<ConsumerFactory.Listener<K, V>> boots = factory.getListeners().stream()
                .filter(listener -> listener.getClass() == MicrometerConsumerListener.class)
                .toList();
        if (boots.isEmpty()) {
            return; // no metrics auto-configured for this factory: nothing to speed up
        }
        boots.forEach(factory::removeListener);
        factory.addListener(new FrequentlyRefreshed<>(registry.getObject(), scheduler));
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private static final class FrequentlyRefreshed<K, V> extends MicrometerConsumerListener<K, V> {
        private final ScheduledExecutorService refresher;

        FrequentlyRefreshed(MeterRegistry registry, ScheduledExecutorService refresher) {
            super(registry);
            this.refresher = refresher;
        }

        @Override
        protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
            return new KafkaClientMetrics(consumer, tags, refresher, REFRESH);
        }
    }
}
