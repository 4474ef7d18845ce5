package nl.kamerqa.query.stream;

import io.cloudevents.CloudEvent;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.support.CloudEventsKafkaHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.kamerqa.support.LogValues;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Reads the parsed topic for the live stream. Every instance reads every event: its consumer group is its own
 * (a random id), it starts near the end of the topic (see {@link #onPartitionsAssigned}), and it never commits,
 * since nothing here needs to survive a restart (MongoDB has the documents; the stream is for what happens now). A record that is not a
 * ParsedDocument is logged and skipped: the topic is parser-service's to keep clean, and a stream must not stop.
 */
@Component
public class ParsedDocumentListener extends AbstractConsumerSeekAware {

    public static final String ID = "live-documents";

    private static final Logger log = LoggerFactory.getLogger(ParsedDocumentListener.class);

    private final LiveDocuments live;
    private final JsonMapper mapper;
    private final int replay;

    public ParsedDocumentListener(LiveDocuments live, JsonMapper mapper, StreamProperties properties) {
        this.live = live;
        this.mapper = mapper;
        this.replay = properties.replay();
    }

    @KafkaListener(id = ID, topics = "${kamerqa.stream.topic:parliament.documents.parsed}",
            groupId = "query-service-live-#{T(java.util.UUID).randomUUID()}",
            containerFactory = StreamConfig.CONTAINER_FACTORY, autoStartup = "${kamerqa.stream.enabled:true}")
    public void onParsed(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        ParsedDocument document;
        try {
            document = mapper.readValue(record.value(), ParsedDocument.class);
        } catch (JacksonException e) {
            log.warn("live stream skips {}-{}@{}: not a ParsedDocument ({})", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            return;
        }
        // in the upload's trace (the container's observation): the line carries its traceId
        log.info("stage=streamed documentId={}", LogValues.token(document.documentId()));
        live.publish(new LiveEvent(eventId(record), LiveDocument.of(document)), document);
    }

    /**
     * Starts a little before the end of each partition, so the replay buffer holds the latest events right after a
     * start and a client that reconnects to a restarted instance still gets what it missed. Events read again are
     * recognised by their id.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        long perPartition = Math.max(1, replay / Math.max(1, assignments.size()));
        // the position is the partition's end here (a new group reading from "latest"); below the log start, Kafka
        // resets to the end again, so a trimmed topic costs the backfill, nothing else
        assignments.forEach((partition, position) -> callback.seek(partition.topic(), partition.partition(),
                Math.max(0, position - perPartition)));
    }

    /**
     * The CloudEvents id parser-service gives every parsed event, read by the CloudEvents SDK; the record's position
     * on the topic if it is no CloudEvent.
     */
    private static String eventId(ConsumerRecord<String, byte[]> record) {
        return CloudEventsKafkaHeaders.read(record).map(CloudEvent::getId)
                .orElseGet(() -> record.topic() + "-" + record.partition() + "@" + record.offset());
    }
}
