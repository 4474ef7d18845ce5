package nl.kamerqa.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyDigestTest {

    private final ApiKeyDigest key = ApiKeyDigest.of("s3cret-key");

    @Test
    void onlyTheConfiguredKeyMatches() {
        assertThat(key.matches("s3cret-key")).isTrue();
        assertThat(key.matches("s3cret-keY")).isFalse();
        assertThat(key.matches("s3cret-key ")).isFalse();
        assertThat(key.matches("s3cret")).as("a prefix").isFalse();
    }

    @Test
    void missingOrEmptyKeyNeverMatches() {
        assertThat(key.matches(null)).isFalse();
        assertThat(key.matches("")).isFalse();
    }

    @Test
    void emptyKeyCannotBeConfigured() {
        assertThatThrownBy(() -> ApiKeyDigest.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeyDigest.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneDigestOfTheSentKeyComparesWithSeveralConfiguredKeys() {
        byte[] sent = ApiKeyDigest.sha256("other-key");

        assertThat(key.matchesDigest(sent)).isFalse();
        assertThat(ApiKeyDigest.of("other-key").matchesDigest(sent)).isTrue();
    }
}
