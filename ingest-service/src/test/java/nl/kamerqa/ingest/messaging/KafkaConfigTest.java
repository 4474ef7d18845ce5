package nl.kamerqa.ingest.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigTest {

    @Test
    void recordLimitHoldsTheBase64OfTheLargestDocumentWithRoomForMetadata() {
        long fiftyMegabytes = 50L * 1024 * 1024;
        long base64 = (long) Math.ceil(fiftyMegabytes / 3.0) * 4;

        assertThat(KafkaConfig.maxRecordBytes(fiftyMegabytes)).isGreaterThanOrEqualTo(base64 + 512 * 1024)
                .isLessThan(Integer.MAX_VALUE);
    }

    @Test
    void recordLimitForOneByteStillLeavesRoomForTheEnvelope() {
        assertThat(KafkaConfig.maxRecordBytes(1)).isGreaterThan(1024 * 1024);
    }
}
