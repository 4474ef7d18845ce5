package nl.kamerqa.query;

import io.cloudevents.CloudEvent;
import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.support.CloudEventsKafkaHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Writes to the parsed topic as parser-service does: key = documentId, JSON value, CloudEvents binary-mode headers. */
public final class ParsedTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public ParsedTopic(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void publish(ParsedDocument... documents) {
        for (ParsedDocument document : documents) {
            CloudEvent event = CloudEventsKafkaHeaders.event(UUID.randomUUID().toString(), CloudEventHeaders.TYPE_PARSED,
                    "/kamerqa/parser-service", document.documentId(), Instant.now().toString());
            send(CloudEventsKafkaHeaders.record(topic, document.documentId(), JSON.writeValueAsBytes(document), event));
        }
        producer.flush();
    }

    /** Sends many at once (the broker batches them) and waits until all are acknowledged. */
    public void publishAll(java.util.List<ParsedDocument> documents) {
        java.util.List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (ParsedDocument document : documents) {
            sent.add(producer.send(new ProducerRecord<>(topic, document.documentId(), JSON.writeValueAsBytes(document))));
        }
        producer.flush();
        for (java.util.concurrent.Future<?> ack : sent) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("broker refused a record", e);
            }
        }
    }

    /** A tombstone: the document is gone (compaction then drops its earlier versions). */
    public void delete(String documentId) {
        send(new ProducerRecord<>(topic, documentId, null));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker refused the record", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
