package nl.kamerqa.support;

import nl.kamerqa.contracts.CloudEventHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CloudEvents Kafka binding headers (binary mode) every kamerqa event carries, the same set from every
 * publisher: {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_specversion}, {@code ce_time},
 * {@code ce_subject} (the documentId) and {@code content-type: application/json}.
 */
public final class CloudEventsKafkaHeaders {

    private CloudEventsKafkaHeaders() {
    }

    /**
     * @param time RFC 3339 time of the occurrence (when the document was received, or parsed)
     */
    public static List<Header> of(String id, String type, String source, String subject, String time) {
        return List.of(
                header(CloudEventHeaders.ID, id),
                header(CloudEventHeaders.TYPE, type),
                header(CloudEventHeaders.SOURCE, source),
                header(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE),
                header(CloudEventHeaders.TIME, time),
                header(CloudEventHeaders.SUBJECT, subject),
                header(CloudEventHeaders.CONTENT_TYPE, "application/json"));
    }

    private static Header header(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("CloudEvents header " + name + " must not be empty");
        }
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
