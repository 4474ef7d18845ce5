package nl.kamerqa.parsing.messaging;

import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parsing.ParsedDocumentPublisher;
import nl.kamerqa.parsing.PublishFailedException;
import nl.kamerqa.parsing.config.ParserProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes ParsedDocument events (key = documentId, CloudEvents binary-mode headers) and waits for the ack. */
@Component
public class KafkaParsedDocumentPublisher implements ParsedDocumentPublisher {

    /** CloudEvents {@code source} of the events this service produces. */
    public static final String EVENT_SOURCE = "/kamerqa/parser-service";

    private final KafkaTemplate<String, Object> template;
    private final String topic;
    private final Duration timeout;

    public KafkaParsedDocumentPublisher(KafkaTemplate<String, Object> template, ParserProperties properties) {
        this.template = template;
        this.topic = properties.topics().parsed();
        this.timeout = properties.publishTimeout();
    }

    @Override
    public void publish(ParsedDocument document, String contentSha256, String parserVersion) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID,
                ParsedDocumentPublisher.eventId(document.documentId(), contentSha256, parserVersion));
        header(headers, CloudEventHeaders.TYPE, CloudEventHeaders.TYPE_PARSED);
        header(headers, CloudEventHeaders.SOURCE, EVENT_SOURCE);
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, "content-type", "application/json");
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(topic, null, document.documentId(), document, headers);
        try {
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("publishing " + document.documentId() + " to " + topic + " failed: "
                    + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("no ack for " + document.documentId() + " from " + topic + " within "
                    + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing " + document.documentId(), e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
