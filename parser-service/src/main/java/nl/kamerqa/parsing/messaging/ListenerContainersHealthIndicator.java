package nl.kamerqa.parsing.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DOWN when a Kafka listener container has stopped without being asked to, e.g. after an {@code Error} escaped a
 * listener (spring-kafka stops the container then). The process would otherwise stay up, report healthy and consume
 * nothing. Part of the liveness group ({@code kafkaListeners} in {@code parser-service.yml}): restarting the process
 * is what brings the consumer back. A Kafka or MongoDB outage does not stop the container, so it does not show here.
 * The same count is the gauge {@code kamerqa_parser_listeners_stopped}, for the dashboard and an alert.
 */
@Component("kafkaListenersHealthIndicator")
public class ListenerContainersHealthIndicator implements HealthIndicator {

    public static final String STOPPED_GAUGE = "kamerqa.parser.listeners.stopped";

    private final KafkaListenerEndpointRegistry registry;

    public ListenerContainersHealthIndicator(KafkaListenerEndpointRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        Gauge.builder(STOPPED_GAUGE, this, ListenerContainersHealthIndicator::stoppedAbnormally)
                .description("Kafka listener containers that stopped without being asked to (0 when all is well)")
                .register(meters);
    }

    private double stoppedAbnormally() {
        return registry.getAllListenerContainers().stream().filter(c -> !c.isInExpectedState()).count();
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean allAsExpected = true;
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            // running, or stopped on purpose (shutdown, an operator's stop); false only after an abnormal stop
            boolean asExpected = container.isInExpectedState();
            allAsExpected &= asExpected;
            states.put(container.getListenerId(), !asExpected ? "stopped abnormally"
                    : container.isRunning() ? "running" : "stopped");
        }
        return (allAsExpected ? Health.up() : Health.down()).withDetails(Map.copyOf(states)).build();
    }
}
