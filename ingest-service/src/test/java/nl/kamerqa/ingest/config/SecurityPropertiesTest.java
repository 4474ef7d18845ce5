package nl.kamerqa.ingest.config;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityPropertiesTest {

    private static final SecurityProperties.UploadRate DEFAULT_RATE = new SecurityProperties.UploadRate(120, 60, 0, 600);

    @Test
    void blankTrustedKeysAreDroppedSoAnUnsetVariableTrustsNobody() {
        SecurityProperties security = new SecurityProperties(Arrays.asList("", " backfill ", null, "  "),
                DEFAULT_RATE);

        assertThat(security.trustedUploadKeys()).containsExactly("backfill");
    }

    @Test
    void negativeTrustedRateIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new SecurityProperties.UploadRate(120, 60, -1, 600))
                .hasMessageContaining("trusted-requests-per-minute");
        assertThatThrownBy(() -> new SecurityProperties.UploadRate(120, 60, 100, 0))
                .hasMessageContaining("trusted-burst");
    }
}
