package nl.kamerqa.query.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The fan-out on its own: filters, replay after a reconnect, duplicates, slow and departed clients. */
class LiveDocumentsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LiveDocuments live = new LiveDocuments(properties(3, 2, 4), meters);

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void clientGetsOnlyTheDocumentsItsFilterMatches() {
        RecordingSink vvd = new RecordingSink();
        live.subscribe(new StreamFilter("vvd", null, null, null), null, vvd);

        publish("e1", document("kst-1", "VVD", "over stikstof"));
        publish("e2", document("kst-2", "D66", "over stikstof"));
        publish("e3", document("kst-3", "VVD", "over wonen"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(vvd.ids()).containsExactly("e1", "e3"));
    }

    @Test
    void textFilterLooksInQuestionsAndAnswers() {
        RecordingSink stikstof = new RecordingSink();
        live.subscribe(new StreamFilter(null, null, null, "STIKSTOF"), null, stikstof);

        publish("e1", document("kst-1", "VVD", "over wonen"));
        publish("e2", document("kst-2", "D66", "de stikstofuitstoot"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(stikstof.ids()).containsExactly("e2"));
        assertThat(stikstof.events.get(0).document().url()).isEqualTo("/api/documents/kst-2");
        assertThat(stikstof.events.get(0).document().answeredCount()).isEqualTo(1);
    }

    @Test
    void reconnectWithLastEventIdReplaysWhatWasMissedInOrder() {
        publish("e1", document("kst-1", "VVD", "a"));
        publish("e2", document("kst-2", "VVD", "b"));
        publish("e3", document("kst-3", "VVD", "c"));
        RecordingSink back = new RecordingSink();

        live.subscribe(StreamFilter.ALL, "e1", back);
        publish("e4", document("kst-4", "VVD", "d"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(back.ids()).containsExactly("e2", "e3", "e4"));
        assertThat(back.gaps).isEmpty();
    }

    @Test
    void newClientAskingForRecentGetsTheNewestKeptMatchesInOrder() {
        publish("e1", document("kst-1", "VVD", "a"));
        publish("e2", document("kst-2", "D66", "b"));
        publish("e3", document("kst-3", "VVD", "c"));
        RecordingSink sink = new RecordingSink();

        live.subscribe(new StreamFilter("VVD", null, null, null), null, 5, sink);

        await().atMost(WAIT).untilAsserted(() -> assertThat(sink.ids()).containsExactly("e1", "e3"));
    }

    @Test
    void lastEventIdNoLongerKeptIsAnsweredWithAGap() {
        for (int i = 1; i <= 5; i++) { // replay keeps 3
            publish("e" + i, document("kst-" + i, "VVD", "x"));
        }
        RecordingSink late = new RecordingSink();

        live.subscribe(StreamFilter.ALL, "e1", late);

        await().atMost(WAIT).untilAsserted(() -> assertThat(late.gaps).containsExactly("e1"));
        assertThat(late.ids()).isEmpty();
    }

    @Test
    void sameEventIdPublishedTwiceIsSentOnce() {
        RecordingSink sink = new RecordingSink();
        live.subscribe(StreamFilter.ALL, null, sink);

        publish("e1", document("kst-1", "VVD", "x"));
        publish("e1", document("kst-1", "VVD", "x"));
        publish("e2", document("kst-2", "VVD", "y"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(sink.ids()).containsExactly("e1", "e2"));
        assertThat(meters.get(LiveDocuments.EVENTS).counter().count()).isEqualTo(3);
    }

    @Test
    void clientThatFallsBehindIsDisconnectedWithoutHoldingUpTheOthers() throws Exception {
        BlockedSink slow = new BlockedSink();
        RecordingSink fast = new RecordingSink();
        live.subscribe(StreamFilter.ALL, null, slow);
        live.subscribe(StreamFilter.ALL, null, fast);

        publish("e0", document("kst-0", "VVD", "x"));
        assertThat(slow.sending.await(5, TimeUnit.SECONDS)).as("the slow client's sender is stuck in send").isTrue();
        for (int i = 1; i <= 5; i++) { // backlog 4: the fifth waiting event overflows the slow client's queue
            publish("e" + i, document("kst-" + i, "VVD", "x"));
            int sent = i + 1;
            // the fast client reads each event before the next comes, as a client that keeps up does
            await().atMost(WAIT).untilAsserted(() -> assertThat(fast.events).hasSize(sent));
        }

        assertThat(fast.ids()).containsExactly("e0", "e1", "e2", "e3", "e4", "e5");
        assertThat(slow.closed).isTrue();
        assertThat(live.clients()).isEqualTo(1);
        assertThat(meters.get(LiveDocuments.DISCONNECTED).tag("reason", "slow").counter().count()).isEqualTo(1);
        slow.release.countDown();
    }

    @Test
    void clientWhoseConnectionFailsIsRemoved() {
        LiveDocuments.Sink broken = new RecordingSink() {
            @Override
            public void send(LiveEvent event) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        live.subscribe(StreamFilter.ALL, null, broken);
        assertThat(meters.get(LiveDocuments.CLIENTS).gauge().value()).isEqualTo(1);

        publish("e1", document("kst-1", "VVD", "x"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(live.clients()).isZero());
        assertThat(meters.get(LiveDocuments.CLIENTS).gauge().value()).isZero();
    }

    @Test
    void moreClientsThanTheLimitAreRefused() {
        LiveDocuments small = new LiveDocuments(properties(3, 1, 4), new SimpleMeterRegistry());
        try {
            small.subscribe(StreamFilter.ALL, null, new RecordingSink());

            assertThatThrownBy(() -> small.subscribe(StreamFilter.ALL, null, new RecordingSink()))
                    .isInstanceOf(LiveDocuments.TooManyClientsException.class)
                    .hasMessageContaining("already serves 1 live streams");
        } finally {
            small.close();
        }
    }

    @Test
    void cancelledAndClosedClientsGetNothingMore() {
        RecordingSink gone = new RecordingSink();
        RecordingSink stays = new RecordingSink();
        LiveDocuments.Subscription subscription = live.subscribe(StreamFilter.ALL, null, gone);
        live.subscribe(StreamFilter.ALL, null, stays);

        subscription.cancel();
        publish("e1", document("kst-1", "VVD", "x"));
        live.closeAll();

        await().atMost(WAIT).untilAsserted(() -> assertThat(stays.closed).isTrue());
        assertThat(gone.ids()).isEmpty();
        assertThat(live.clients()).isZero();
    }

    // ---- helpers ----

    private void publish(String id, ParsedDocument document) {
        live.publish(new LiveEvent(id, LiveDocument.of(document)), document);
    }

    private static StreamProperties properties(int replay, int maxClients, int backlog) {
        return new StreamProperties(true, "parsed", replay, maxClients, backlog, Duration.ofMinutes(1),
                Duration.ofHours(1));
    }

    static ParsedDocument document(String documentId, String party, String questionText) {
        Question question = new Question("1", party, "Vraag " + questionText + "?", 1, 1, List.of(),
                new Answer("Antwoord.", 1, 2, List.of("1"), List.of()));
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION, documentId, "SCHRIFTELIJK_OVERLEG", "Titel " + documentId,
                "Tweede Kamer", "2025-2026", "36200-VII", "1", List.of(party), List.of(question), List.of(), List.of(),
                List.of(), new ParsedDocument.ParserInfo("test"), null);
    }

    static class RecordingSink implements LiveDocuments.Sink {
        final List<LiveEvent> events = new CopyOnWriteArrayList<>();
        final List<String> gaps = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        List<String> ids() {
            return events.stream().map(LiveEvent::id).toList();
        }

        @Override
        public void send(LiveEvent event) throws IOException {
            events.add(event);
        }

        @Override
        public void keepAlive() {
        }

        @Override
        public void gap(String lastEventId) {
            gaps.add(lastEventId);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A client that stops reading: its first send blocks until released. */
    static final class BlockedSink extends RecordingSink {
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void send(LiveEvent event) {
            sending.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
