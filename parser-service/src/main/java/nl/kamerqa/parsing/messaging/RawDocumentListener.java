package nl.kamerqa.parsing.messaging;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parsing.Origin;
import nl.kamerqa.parsing.ParsingService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds raw documents to the parsing service. Returning normally commits the offset (ack-mode record); throwing
 * hands the record to the {@code CommonErrorHandler} (retry transient failures, dead-letter the rest).
 */
@Component
public class RawDocumentListener {

    /** Listener container id, e.g. to find the container in the registry. */
    public static final String ID = "raw-documents";

    private final ParsingService parsing;

    public RawDocumentListener(ParsingService parsing) {
        this.parsing = parsing;
    }

    // the consumer group comes from spring.kafka.consumer.group-id (parser-service), not from the container id
    @KafkaListener(id = ID, idIsGroup = false, topics = "${kamerqa.topics.raw}")
    public void onRawDocument(ConsumerRecord<String, RawDocument> record) {
        parsing.process(record.value(), new Origin(record.topic(), record.partition(), record.offset()));
    }
}
