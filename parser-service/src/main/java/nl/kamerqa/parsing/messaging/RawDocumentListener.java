package nl.kamerqa.parsing.messaging;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parsing.Origin;
import nl.kamerqa.parsing.ParsingService;
import nl.kamerqa.parsing.ConsumedPositions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * Feeds raw documents to the parsing service. Once a record is done (stored and published, or skipped as already
 * done) its offset is recorded in the store ({@link ConsumedPositions}, where a restart resumes), and returning normally
 * then commits it to Kafka too (ack-mode record; for lag monitoring). Throwing hands the record to the
 * {@code CommonErrorHandler} (retry transient failures, dead-letter the rest).
 */
@Component
public class RawDocumentListener {

    /** Listener container id, e.g. to find the container in the registry. */
    public static final String ID = "raw-documents";
    /** MDC key set while a record is handled, so every log line about it (JSON logs included) names it. */
    public static final String MDC_DOCUMENT_ID = "documentId";

    private static final Logger log = LoggerFactory.getLogger(RawDocumentListener.class);

    private final ParsingService parsing;
    private final ConsumedPositions positions;
    private final JsonMapper mapper;

    public RawDocumentListener(ParsingService parsing, ConsumedPositions positions, JsonMapper mapper) {
        this.parsing = parsing;
        this.positions = positions;
        this.mapper = mapper;
    }

    // the consumer group comes from spring.kafka.consumer.group-id (parser-service), not from the container id
    @KafkaListener(id = ID, idIsGroup = false, topics = "${kamerqa.topics.raw}")
    public void onRawDocument(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_DOCUMENT_ID, record.key())) {
            log.info("stage=received documentId={} source={}-{}@{} redrivenFrom={}", record.key(), record.topic(),
                    record.partition(), record.offset(), header(record, KafkaDeadLetters.REDRIVEN_FROM));
            Origin origin = new Origin(record.topic(), record.partition(), record.offset());
            parsing.process(decode(record.value()), origin);
            // after the document and its event: a store that loses this write lost them too, and the record comes again
            positions.consumed(consumer.groupMetadata().groupId(), origin);
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
