package nl.kamerqa.parsing.messaging;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parsing.BatchStoppedException;
import nl.kamerqa.parsing.ConsumedPositions;
import nl.kamerqa.parsing.Delivery;
import nl.kamerqa.parsing.Origin;
import nl.kamerqa.parsing.ParsingService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import nl.kamerqa.support.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the raw documents of each poll to the parsing service as one batch. Once they are done (stored and published,
 * or skipped as already done) their offsets are recorded in the store in one durable write ({@link ConsumedPositions},
 * where a restart resumes), and returning normally then commits them to Kafka too (ack-mode batch; for lag
 * monitoring).
 *
 * <p>When one record fails, the records before it are finished and recorded first, and the failure is thrown as
 * spring-kafka's {@link BatchListenerFailedException} naming that record: the {@code CommonErrorHandler} then retries
 * it (transient failures) or dead-letters it (the rest), and the records after it are delivered again.
 */
@Component
public class RawDocumentListener {

    /** Listener container id, e.g. to find the container in the registry. */
    public static final String ID = "raw-documents";
    /** MDC key set while a record is handled, so every log line about it (JSON logs included) names it. */
    public static final String MDC_DOCUMENT_ID = ParsingService.MDC_DOCUMENT_ID;

    private static final Logger log = LoggerFactory.getLogger(RawDocumentListener.class);

    private final ParsingService parsing;
    private final ConsumedPositions positions;
    private final JsonMapper mapper;
    private final RawRecordTraces traces;

    public RawDocumentListener(ParsingService parsing, ConsumedPositions positions, JsonMapper mapper,
            RawRecordTraces traces) {
        this.parsing = parsing;
        this.positions = positions;
        this.mapper = mapper;
        this.traces = traces;
    }

    // the consumer group comes from spring.kafka.consumer.group-id (parser-service), not from the container id
    @KafkaListener(id = ID, idIsGroup = false, topics = "${kamerqa.topics.raw}", batch = "true")
    public void onRawDocuments(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        try {
            records.forEach(traces::start);
            onTracedRecords(records, consumer);
        } finally {
            traces.stopAll();
        }
    }

    private void onTracedRecords(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        String group = consumer.groupMetadata().groupId();
        List<Delivery> deliveries = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            // inside the record's trace, so the line carries its traceId
            traces.within(RawRecordTraces.origin(record), () -> {
                log.info("stage=received documentId={} source={}-{}@{} redrivenFrom={}",
                        LogValues.token(record.key()), record.topic(), record.partition(), record.offset(),
                        LogValues.token(header(record, KafkaDeadLetters.REDRIVEN_FROM)));
                return null;
            });
            Origin origin = new Origin(record.topic(), record.partition(), record.offset());
            try {
                deliveries.add(new Delivery(decode(record.value()), origin));
            } catch (DeserializationException e) {
                // the records before it are handled and recorded first; the error handler dead-letters this one
                handle(group, records, deliveries);
                throw new BatchListenerFailedException("value is not RawDocument JSON", e, record);
            }
        }
        handle(group, records, deliveries);
    }

    /** Processes the deliveries (the first of the records) and records those that are done as consumed. */
    private void handle(String group, List<ConsumerRecord<String, byte[]>> records, List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            parsing.processAll(deliveries);
        } catch (BatchStoppedException e) {
            // after the documents and their events: a store that loses this write lost them too, and they come again
            recordConsumed(group, records, deliveries.subList(0, e.index()));
            throw new BatchListenerFailedException(e.getCause().getMessage(), e.getCause(), records.get(e.index()));
        }
        recordConsumed(group, records, deliveries);
    }

    /** A failure here makes the whole batch come again (all of it is then skipped as done). */
    private void recordConsumed(String group, List<ConsumerRecord<String, byte[]>> records, List<Delivery> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            positions.consumedAll(group, done.stream().map(Delivery::origin).toList());
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("recording consumed offsets failed: " + e, e, records.get(0));
        }
    }

    /** Null for a tombstone (the parsing service rejects it); not RawDocument JSON: not retryable. */
    private RawDocument decode(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.readValue(value, RawDocument.class);
        } catch (JacksonException e) {
            throw new DeserializationException("value is not RawDocument JSON", value, false, e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
