package nl.kamerqa.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import nl.kamerqa.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventsKafkaHeadersTest {

    private static final CloudEvent PARSED = CloudEventsKafkaHeaders.event("kst-1:abc:0.1.0",
            CloudEventHeaders.TYPE_PARSED, "/kamerqa/parser-service", "kst-1", "2026-12-04T10:00:00Z");

    @Test
    void everyEventCarriesTheSameBinaryModeHeaderSet() {
        ProducerRecord<String, String> record = CloudEventsKafkaHeaders.record("parsed", "kst-1", "{}", PARSED);

        assertThat(asMap(record.headers())).containsOnly(
                Map.entry("ce_id", "kst-1:abc:0.1.0"),
                Map.entry("ce_type", "nl.kamerqa.document.parsed"),
                Map.entry("ce_source", "/kamerqa/parser-service"),
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_time", "2026-12-04T10:00:00Z"),
                Map.entry("ce_subject", "kst-1"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void theRecordKeepsItsTopicKeyAndValueForTheProducersSerializers() {
        Object document = Map.of("documentId", "kst-1");

        ProducerRecord<String, Object> record = CloudEventsKafkaHeaders.record("parsed", "kst-1", document, PARSED);

        assertThat(record.topic()).isEqualTo("parsed");
        assertThat(record.key()).isEqualTo("kst-1");
        assertThat(record.value()).isSameAs(document);
        assertThat(record.partition()).isNull();
    }

    @Test
    void aRequiredAttributeLeftEmptyIsRefused() {
        assertThatThrownBy(() -> CloudEventsKafkaHeaders.event("", CloudEventHeaders.TYPE_RAW, "/kamerqa/upload", "kst-1",
                "2026-12-04T10:00:00Z")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce_id");
    }

    @Test
    void theSdksDeserializerReadsTheHeadersBackWithTheValueAsData() {
        byte[] json = "{\"documentId\":\"kst-1\"}".getBytes(StandardCharsets.UTF_8);
        Headers headers = CloudEventsKafkaHeaders.record("parsed", "kst-1", json, PARSED).headers();

        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            CloudEvent event = deserializer.deserialize("parsed", headers, json);

            assertThat(event.getId()).isEqualTo("kst-1:abc:0.1.0");
            assertThat(event.getType()).isEqualTo(CloudEventHeaders.TYPE_PARSED);
            assertThat(event.getSource()).isEqualTo(URI.create("/kamerqa/parser-service"));
            assertThat(event.getSubject()).isEqualTo("kst-1");
            assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-12-04T10:00:00Z"));
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getData().toBytes()).isEqualTo(json);
        }
    }

    @Test
    void aConsumedRecordIsReadAsTheCloudEventItCarries() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        Headers headers = CloudEventsKafkaHeaders.record("parsed", "kst-1", json, PARSED).headers();

        Optional<CloudEvent> event = CloudEventsKafkaHeaders.read(consumed(headers, json));

        assertThat(event).map(CloudEvent::getId).hasValue("kst-1:abc:0.1.0");
        assertThat(event).map(e -> e.getData().toBytes()).hasValue(json);
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsNoCloudEvent() {
        Headers onlyAnId = new RecordHeaders().add(CloudEventHeaders.ID, "x".getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEventsKafkaHeaders.read(consumed(new RecordHeaders(), new byte[]{'{', '}'}))).isEmpty();
        assertThat(CloudEventsKafkaHeaders.read(consumed(onlyAnId, new byte[]{'{', '}'}))).isEmpty();
    }

    @Test
    void aRecordWhoseSpecVersionNamesNoAttributesIsNoCloudEvent() {
        Headers noId = new RecordHeaders()
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8))
                .add(CloudEventHeaders.TYPE, "t".getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEventsKafkaHeaders.read(consumed(noId, new byte[0]))).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> consumed(Headers headers, byte[] value) {
        return new ConsumerRecord<>("parsed", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, value.length, "kst-1", value,
                headers, Optional.empty());
    }

    private static Map<String, String> asMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : headers) {
            assertThat(map).as("one header per attribute").doesNotContainKey(h.key());
            map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
