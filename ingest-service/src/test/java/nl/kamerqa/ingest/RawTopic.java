package nl.kamerqa.ingest;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import nl.kamerqa.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The raw topic as the upload tests read it. */
final class RawTopic {

    private RawTopic() {
    }

    /**
     * Everything on the topic up to the end offsets at the time of the call: an upload is answered only after the
     * broker acknowledged its record, so whatever an answered upload published is included.
     */
    static List<ConsumerRecord<String, byte[]>> records(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "verify-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                for (TopicPartition partition : partitions) {
                    assertThat(consumer.position(partition)).isGreaterThanOrEqualTo(end.get(partition));
                }
            });
            return records;
        }
    }

    /** The records of this content (by their {@code ce_id}, documentId:contentSha256). */
    static List<ConsumerRecord<String, byte[]>> withSha(List<ConsumerRecord<String, byte[]>> records, String sha) {
        return records.stream().filter(r -> header(r, CloudEventHeaders.ID).endsWith(":" + sha)).toList();
    }

    static ConsumerRecord<String, byte[]> singleRecordWithSha(List<ConsumerRecord<String, byte[]>> records,
                                                              String sha) {
        List<ConsumerRecord<String, byte[]>> matching = withSha(records, sha);
        assertThat(matching).as("records on the raw topic for content %s", sha).hasSize(1);
        return matching.get(0);
    }

    /**
     * The event with this CloudEvents id, read as a subscriber would: a group of its own from the earliest offset, the
     * value through the CloudEvents SDK's deserializer.
     */
    static CloudEvent subscribedEvent(String bootstrapServers, String topic, String eventId) {
        Map<String, Object> config = KafkaTestUtils.consumerProps(bootstrapServers, "subscriber-" + UUID.randomUUID(),
                false);
        try (KafkaConsumer<String, CloudEvent> subscriber =
                     new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            subscriber.subscribe(List.of(topic));
            List<CloudEvent> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                subscriber.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                return seen.stream().anyMatch(e -> eventId.equals(e.getId()));
            });
            return seen.stream().filter(e -> eventId.equals(e.getId())).findFirst().orElseThrow();
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
