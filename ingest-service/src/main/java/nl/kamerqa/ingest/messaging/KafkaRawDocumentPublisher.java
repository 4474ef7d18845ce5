package nl.kamerqa.ingest.messaging;

import io.cloudevents.CloudEvent;
import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.DocumentRejectedException;
import nl.kamerqa.ingest.DocumentRejectedException.Reason;
import nl.kamerqa.ingest.IntakeUnavailableException;
import nl.kamerqa.ingest.RawDocumentPublisher;
import nl.kamerqa.ingest.config.KamerqaProperties;
import nl.kamerqa.support.CloudEventsKafkaHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes RawDocuments to the raw topic, key = documentId, with CloudEvents headers (binary mode). */
@Component
public class KafkaRawDocumentPublisher implements RawDocumentPublisher {

    /** CloudEvents source of documents uploaded over HTTP; other sources use /kamerqa/ingest/&lt;source&gt;. */
    static final String SOURCE_PREFIX = "/kamerqa/ingest/";

    private final KafkaTemplate<String, RawDocument> template;
    private final String topic;
    private final Duration timeout;

    public KafkaRawDocumentPublisher(KafkaTemplate<String, RawDocument> template, KamerqaProperties properties) {
        this.template = template;
        this.topic = properties.topics().raw();
        this.timeout = properties.ingest().publishTimeout();
    }

    @Override
    public void publish(RawDocument document) {
        ProducerRecord<String, RawDocument> record =
                CloudEventsKafkaHeaders.record(topic, document.documentId(), document, event(document));
        try {
            // acks=all + idempotence (ingest-service.yml): completion means the record is durably on the topic
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while waiting for the broker", e);
        } catch (TimeoutException e) {
            throw new IntakeUnavailableException("broker did not acknowledge within " + timeout, e);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof RecordTooLargeException) {
                // e.g. the topic was created elsewhere with a smaller max.message.bytes: retrying will not help
                throw new DocumentRejectedException(Reason.TOO_LARGE, ("the document is %d bytes and the broker refused "
                        + "a record of that size on %s (its max.message.bytes is below what "
                        + "kamerqa.ingest.max-document-size needs): %s").formatted(
                        document.content().length, topic, cause.getMessage()));
            }
            throw new IntakeUnavailableException("could not publish to " + topic + ": " + cause, e);
        }
    }

    static CloudEvent event(RawDocument document) {
        return CloudEventsKafkaHeaders.event(document.documentId() + ":" + document.contentSha256(),
                CloudEventHeaders.TYPE_RAW, SOURCE_PREFIX + document.source(), document.documentId(),
                document.receivedAt());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
