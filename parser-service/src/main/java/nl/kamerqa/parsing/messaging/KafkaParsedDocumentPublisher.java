package nl.kamerqa.parsing.messaging;

import io.cloudevents.CloudEvent;
import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parsing.DeliveryTraces;
import nl.kamerqa.parsing.ParsedDocumentPublisher;
import nl.kamerqa.parsing.PublishFailedException;
import nl.kamerqa.parsing.StoredResult;
import nl.kamerqa.parsing.config.ParserProperties;
import nl.kamerqa.support.CloudEventsKafkaHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes ParsedDocument events (key = documentId, CloudEvents binary-mode headers) and waits for the acks. */
@Component
public class KafkaParsedDocumentPublisher implements ParsedDocumentPublisher {

    /** CloudEvents {@code source} of the events this service produces. */
    public static final String EVENT_SOURCE = "/kamerqa/parser-service";

    private final KafkaTemplate<String, Object> template;
    private final String topic;
    private final Duration timeout;

    private final DeliveryTraces traces;

    public KafkaParsedDocumentPublisher(KafkaTemplate<String, Object> template, ParserProperties properties,
            DeliveryTraces traces) {
        this.template = template;
        this.traces = traces;
        this.topic = properties.topics().parsed();
        this.timeout = properties.publishTimeout();
    }

    /** Sends every event before waiting, so the producer batches them and the acks arrive together. */
    @Override
    public void publishAll(List<StoredResult> results) {
        List<CompletableFuture<?>> acks = new ArrayList<>(results.size());
        for (StoredResult result : results) {
            // in the raw record's trace: the template's observation writes its traceparent on the parsed record
            acks.add(traces.within(DeliveryTraces.origin(result), () -> template.send(record(result))));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            String documentId = results.get(i).documentId();
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new PublishFailedException("publishing " + documentId + " to " + topic + " failed: "
                        + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new PublishFailedException("no ack for " + documentId + " from " + topic + " within "
                        + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException("interrupted while publishing " + documentId, e);
            }
        }
    }

    private ProducerRecord<String, Object> record(StoredResult result) {
        ParsedDocument document = result.document();
        CloudEvent event = CloudEventsKafkaHeaders.event(result.eventId(), CloudEventHeaders.TYPE_PARSED,
                EVENT_SOURCE, document.documentId(), Instant.now().toString());
        return CloudEventsKafkaHeaders.record(topic, document.documentId(), document, event);
    }
}
