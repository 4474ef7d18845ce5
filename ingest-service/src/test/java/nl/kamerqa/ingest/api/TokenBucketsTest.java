package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-04T08:00:00Z"));

    @Test
    void aNewClientMayUseTheWholeBurstAndThenWaitsForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(60, 3, clock, 100);

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryTake("a")).as("request %d", i + 1).isEmpty();
        }
        assertThat(buckets.tryTake("a")).hasValue(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(400));
        assertThat(buckets.tryTake("a")).as("refused requests take nothing").hasValue(Duration.ofMillis(600));

        clock.advance(Duration.ofMillis(600));
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isPresent();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        TokenBuckets buckets = new TokenBuckets(60, 1, clock, 100);

        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isPresent();
        assertThat(buckets.tryTake("b")).isEmpty();
    }

    @Test
    void aQuietClientRefillsOnlyUpToTheBurst() {
        TokenBuckets buckets = new TokenBuckets(60, 2, clock, 100);
        buckets.tryTake("a");

        clock.advance(Duration.ofHours(1));

        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isPresent();
    }

    @Test
    void bucketsOfQuietClientsAreDroppedWhenTheMapIsFullButBusyOnesAreKept() {
        TokenBuckets buckets = new TokenBuckets(60, 1, clock, 2);
        buckets.tryTake("quiet");
        clock.advance(Duration.ofSeconds(5)); // "quiet" is full again
        buckets.tryTake("busy");

        buckets.tryTake("new");

        assertThat(buckets.clients()).isEqualTo(2);
        assertThat(buckets.tryTake("busy")).as("busy kept its empty bucket").isPresent();
    }
}
