package nl.kamerqa.support;

import nl.kamerqa.contracts.CloudEventHeaders;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventsKafkaHeadersTest {

    @Test
    void everyEventCarriesTheSameBinaryModeHeaderSet() {
        Map<String, String> headers = asMap(CloudEventsKafkaHeaders.of("kst-1:abc:0.1.0", CloudEventHeaders.TYPE_PARSED,
                "/kamerqa/parser-service", "kst-1", "2026-12-04T10:00:00Z"));

        assertThat(headers).containsExactly(
                Map.entry("ce_id", "kst-1:abc:0.1.0"),
                Map.entry("ce_type", "nl.kamerqa.document.parsed"),
                Map.entry("ce_source", "/kamerqa/parser-service"),
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_time", "2026-12-04T10:00:00Z"),
                Map.entry("ce_subject", "kst-1"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void aRequiredAttributeLeftEmptyIsRefused() {
        assertThatThrownBy(() -> CloudEventsKafkaHeaders.of("", CloudEventHeaders.TYPE_RAW, "/kamerqa/upload", "kst-1",
                "2026-12-04T10:00:00Z")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce_id");
    }

    private static Map<String, String> asMap(List<Header> headers) {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach(h -> map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return map;
    }
}
