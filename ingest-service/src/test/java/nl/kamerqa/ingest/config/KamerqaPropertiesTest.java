package nl.kamerqa.ingest.config;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KamerqaPropertiesTest {

    private static KamerqaProperties.Ingest ingest(DataSize max, Duration publishTimeout) {
        return new KamerqaProperties.Ingest(max, publishTimeout, Duration.ofSeconds(30), Duration.ofSeconds(5),
                URI.create("http://localhost:8083"), new KamerqaProperties.Batch(100, DataSize.ofMegabytes(64), 16));
    }

    @Test
    void zeroDocumentSizeIsRefusedAtStartUp() {
        assertThatThrownBy(() -> ingest(DataSize.ofBytes(0), Duration.ofSeconds(20)))
                .hasMessageContaining("max-document-size");
    }

    @Test
    void documentSizeThatCouldNeverFitInAKafkaRecordIsRefused() {
        assertThatThrownBy(() -> ingest(DataSize.ofGigabytes(2), Duration.ofSeconds(20)))
                .hasMessageContaining("max-document-size");
    }

    @Test
    void zeroPublishTimeoutIsRefused() {
        assertThatThrownBy(() -> ingest(DataSize.ofMegabytes(50), Duration.ZERO))
                .hasMessageContaining("publish-timeout");
    }

    @Test
    void batchOfNoPartsOrLargerThanAKafkaRecordCouldHoldIsRefused() {
        assertThatThrownBy(() -> new KamerqaProperties.Batch(0, DataSize.ofMegabytes(64), 16))
                .hasMessageContaining("max-parts");
        assertThatThrownBy(() -> new KamerqaProperties.Batch(100, DataSize.ofGigabytes(2), 16))
                .hasMessageContaining("batch.max-size");
    }
}
