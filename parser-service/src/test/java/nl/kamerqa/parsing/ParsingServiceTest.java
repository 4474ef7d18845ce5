package nl.kamerqa.parsing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parsing.ParsingService.Outcome;
import nl.kamerqa.parsing.store.DocumentStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The order of work for raw events, one and a batch at a time (parse, store, publish, then mark done), against the
 * in-memory MongoDB-wire server; qa-parser is a mock of its public API returning hand-built documents.
 */
class ParsingServiceTest {

    private static final Origin ORIGIN = new Origin("parliament.documents.raw", 1, 17L);

    private static MongoServer server;
    private static MongoClient client;

    private final QaParser qaParser = mock(QaParser.class);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MongoDatabase database;
    private DocumentStore store;
    private ParsingService service;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        database = client.getDatabase("kamerqa");
        database.drop();
        store = new DocumentStore(database, JsonMapper.builder().build());
        store.ensureIndexes();
        service = new ParsingService(new RawDocumentParser(qaParser), store, publisher, new ParserMetrics(meters));
    }

    @Test
    void officialIdFoundByTheParserReplacesTheContentHashIdAndProvenanceIsAttached() {
        RawDocument raw = Samples.plainText("sha256:" + "0".repeat(64), "Vraag 1 ...");
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed("kst-36200-VII-147", 4));

        assertThat(service.process(raw, ORIGIN)).isEqualTo(Outcome.PARSED);

        ParsedDocument published = publisher.published.get(0);
        assertThat(published.documentId()).isEqualTo("kst-36200-VII-147");
        assertThat(published.provenance()).isEqualTo(new ParsedDocument.Provenance(ORIGIN.topic(),
                ORIGIN.partition(), ORIGIN.offset(), raw.contentSha256(), "upload"));
        Document stored = database.getCollection("documents").find(eq("_id", "kst-36200-VII-147")).first();
        assertThat(stored).containsKey("publishedAt");
        assertThat(database.getCollection("questions").countDocuments(eq("documentId", "kst-36200-VII-147")))
                .isEqualTo(4);
        assertThat(meters.get(ParserMetrics.DOCUMENTS).tag("outcome", "parsed").counter().count()).isEqualTo(1);
        assertThat(meters.get(ParserMetrics.QUESTIONS).summary().totalAmount()).isEqualTo(4);
        assertThat(meters.get(ParserMetrics.PARSE).timer().count()).isEqualTo(1);
        assertThat(meters.get(ParserMetrics.STORE).timer().count()).as("upserts timed").isEqualTo(1);
    }

    @Test
    void suspectParseIsCountedUnderEachReasonItsQualityBlockGives() {
        ParsedDocument.Quality gapAndUnanswered = new ParsedDocument.Quality(List.of("3"), List.of("4"), true,
                List.of(), List.of(), List.of(ParsedDocument.Quality.NUMBERING_GAP, ParsedDocument.Quality.UNANSWERED));
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed("kst-1", 2).withQuality(gapAndUnanswered));
        service.process(Samples.plainText("kst-1", "Vraag 1 ..."), ORIGIN);
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed("kst-2", 2));
        service.process(Samples.plainText("kst-2", "Vraag 1 en 2 ..."), ORIGIN);

        assertThat(suspect(ParsedDocument.Quality.NUMBERING_GAP)).isEqualTo(1);
        assertThat(suspect(ParsedDocument.Quality.UNANSWERED)).isEqualTo(1);
        assertThat(suspect(ParsedDocument.Quality.DUPLICATED_NUMBER)).as("registered, not counted").isZero();
    }

    private double suspect(String reason) {
        return meters.get(ParserMetrics.SUSPECT).tag("reason", reason).counter().count();
    }

    @Test
    void sameContentAgainIsSkippedWithoutParsingOrPublishing() {
        RawDocument raw = Samples.plainText("kst-1", "Vraag 1 ...");
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed(null, 2));
        service.process(raw, ORIGIN);

        Outcome again = service.process(raw, new Origin(ORIGIN.topic(), 1, 99L));

        assertThat(again).isEqualTo(Outcome.SKIPPED);
        assertThat(publisher.published).hasSize(1);
        assertThat(meters.get(ParserMetrics.PARSE).timer().count()).as("parser calls").isEqualTo(1);
        assertThat(meters.get(ParserMetrics.DOCUMENTS).tag("outcome", "skipped").counter().count()).isEqualTo(1);
    }

    @Test
    void aPublishThatFailedIsDoneAgainOnRedeliveryNotSkipped() {
        RawDocument raw = Samples.plainText("kst-1", "Vraag 1 ...");
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed(null, 2));
        publisher.failNext = true;

        assertThatThrownBy(() -> service.process(raw, ORIGIN)).isInstanceOf(PublishFailedException.class);
        // MongoDB already has the result, but it was never published: the redelivery must publish it
        assertThat(service.process(raw, ORIGIN)).isEqualTo(Outcome.PARSED);
        assertThat(service.process(raw, ORIGIN)).isEqualTo(Outcome.SKIPPED);

        assertThat(publisher.published).extracting(ParsedDocument::documentId).containsExactly("kst-1");
    }

    @Test
    void rawEventWhoseContentDoesNotMatchItsHashIsRejectedBeforeParsing() {
        RawDocument good = Samples.plainText("kst-1", "Vraag 1 ...");
        RawDocument tampered = new RawDocument(good.schemaVersion(), good.documentId(), good.contentSha256(),
                good.contentType(), good.source(), null, null, good.receivedAt(), good.metadata(),
                "Vraag 2 ...".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> service.process(tampered, ORIGIN))
                .isInstanceOf(InvalidRawDocumentException.class)
                .hasMessageContaining("does not match contentSha256");
        assertThatThrownBy(() -> service.process(null, ORIGIN))
                .isInstanceOf(InvalidRawDocumentException.class)
                .hasMessageContaining("tombstone");
        verifyNoInteractions(qaParser);
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void documentIdThatCouldBreakALogLineIsRefusedBeforeParsing() {
        RawDocument forged = Samples.plainText("kst-1\n12:00:00 INFO stage=published documentId=kst-2", "Vraag 1 ...");

        assertThatThrownBy(() -> service.process(forged, ORIGIN))
                .isInstanceOf(InvalidRawDocumentException.class)
                .hasMessageContaining("whitespace or control characters");
        verifyNoInteractions(qaParser);
    }

    @Test
    void theSampleParsedTwiceLeavesOneDocumentWithItsFortySixQuestions() throws Exception {
        byte[] sample;
        try (var in = ParsingServiceTest.class.getResourceAsStream("/samples/kst-36200-VII-147.txt")) {
            sample = in.readAllBytes();
        }
        ParsingService withRealParser = new ParsingService(new RawDocumentParser(QaParser.create()), store, publisher,
                new ParserMetrics(meters));
        RawDocument raw = Samples.raw("sha256:" + ParsingService.sha256Hex(sample), "text/plain", sample);

        assertThat(withRealParser.process(raw, ORIGIN)).isEqualTo(Outcome.PARSED);
        assertThat(withRealParser.process(raw, ORIGIN)).isEqualTo(Outcome.SKIPPED);

        assertThat(database.getCollection("documents").countDocuments()).isEqualTo(1);
        assertThat(database.getCollection("documents").find(eq("_id", "kst-36200-VII-147")).first()).isNotNull();
        assertThat(database.getCollection("questions").countDocuments(eq("documentId", "kst-36200-VII-147")))
                .isEqualTo(46);
        assertThat(publisher.published).singleElement()
                .extracting(ParsedDocument::documentId).isEqualTo("kst-36200-VII-147");
    }

    @Test
    void aBatchIsStoredWithOneWritePublishedInOneCallAndInOrder() {
        List<Delivery> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            RawDocument raw = Samples.plainText("kst-" + i, "Vraag " + i + " ...");
            when(qaParser.parseText("Vraag " + i + " ...")).thenReturn(Samples.parsed(null, i));
            batch.add(new Delivery(raw, new Origin(ORIGIN.topic(), 0, i)));
        }

        assertThat(service.processAll(batch)).containsOnly(Outcome.PARSED).hasSize(5);

        assertThat(publisher.calls).isEqualTo(1);
        assertThat(publisher.published).extracting(ParsedDocument::documentId)
                .containsExactly("kst-1", "kst-2", "kst-3", "kst-4", "kst-5");
        assertThat(meters.get(ParserMetrics.STORE).timer().count()).as("store writes").isEqualTo(1);
        assertThat(meters.get(ParserMetrics.STORE_BATCH).summary().totalAmount()).isEqualTo(5);
        assertThat(database.getCollection("questions").countDocuments()).isEqualTo(1 + 2 + 3 + 4 + 5);
        assertThat(database.getCollection("documents").countDocuments(eq("publishedAt", null))).as("unmarked").isZero();
    }

    @Test
    void unparseableDocumentStopsTheBatchAtItsIndexAfterTheOnesBeforeItAreDone() {
        RawDocument first = Samples.plainText("kst-1", "Vraag 1 ...");
        RawDocument broken = Samples.raw("kst-2", "text/plain", new byte[] {(byte) 0xC3, (byte) 0x28});
        RawDocument third = Samples.plainText("kst-3", "Vraag 3 ...");
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed(null, 2));

        assertThatThrownBy(() -> service.processAll(List.of(new Delivery(first, ORIGIN),
                new Delivery(broken, ORIGIN), new Delivery(third, ORIGIN))))
                .isInstanceOfSatisfying(BatchStoppedException.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(UnsupportedDocumentException.class);
                });

        assertThat(publisher.published).extracting(ParsedDocument::documentId).containsExactly("kst-1");
        assertThat(store.isCurrent(first.contentSha256(), QaParser.VERSION)).isTrue();
        assertThat(database.getCollection("documents").countDocuments(eq("_id", "kst-3"))).as("not reached").isZero();
    }

    @Test
    void invalidEventStopsTheBatchAtItsIndexAfterTheOnesBeforeItAreDone() {
        RawDocument first = Samples.plainText("kst-1", "Vraag 1 ...");
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed(null, 2));

        assertThatThrownBy(() -> service.processAll(List.of(new Delivery(first, ORIGIN), new Delivery(null, ORIGIN))))
                .isInstanceOfSatisfying(BatchStoppedException.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(InvalidRawDocumentException.class)
                            .hasMessageContaining("tombstone");
                });
        assertThat(publisher.published).extracting(ParsedDocument::documentId).containsExactly("kst-1");
    }

    @Test
    void brokerDownStopsTheBatchAtItsFirstDeliveryAndNothingIsMarkedDone() {
        RawDocument first = Samples.plainText("kst-1", "Vraag 1 ...");
        RawDocument second = Samples.plainText("kst-2", "Vraag 2 ...");
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed(null, 2));
        publisher.down = true;

        assertThatThrownBy(() -> service.processAll(List.of(new Delivery(first, ORIGIN), new Delivery(second, ORIGIN))))
                .isInstanceOfSatisfying(BatchStoppedException.class, e -> {
                    assertThat(e.index()).isZero();
                    assertThat(e.getCause()).isInstanceOf(PublishFailedException.class);
                });
        assertThat(store.isCurrent(first.contentSha256(), QaParser.VERSION)).isFalse();
        assertThat(store.isCurrent(second.contentSha256(), QaParser.VERSION)).isFalse();
    }

    @Test
    void batchWhosePublishFailedOnceIsDoneOneByOne() {
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed(null, 2));
        publisher.failNext = true;

        service.processAll(List.of(new Delivery(Samples.plainText("kst-1", "Vraag 1 ..."), ORIGIN),
                new Delivery(Samples.plainText("kst-2", "Vraag 2 ..."), ORIGIN)));

        assertThat(publisher.calls).as("together, then each alone").isEqualTo(3);
        assertThat(publisher.published).extracting(ParsedDocument::documentId).containsExactly("kst-1", "kst-2");
    }

    @Test
    void twoVersionsOfOneDocumentInOneBatchEndWithTheLaterOneAndBothArePublishedInOrder() {
        RawDocument older = Samples.plainText("kst-1", "Vraag 1 oud");
        RawDocument newer = Samples.plainText("kst-1", "Vraag 1 nieuw");
        when(qaParser.parseText("Vraag 1 oud")).thenReturn(Samples.parsed(null, 3));
        when(qaParser.parseText("Vraag 1 nieuw")).thenReturn(Samples.parsed(null, 1));

        service.processAll(List.of(new Delivery(older, ORIGIN), new Delivery(newer, ORIGIN)));

        assertThat(publisher.published).extracting(d -> d.questions().size()).containsExactly(3, 1);
        assertThat(database.getCollection("documents").find(eq("_id", "kst-1")).first().getString("contentSha256"))
                .isEqualTo(newer.contentSha256());
        assertThat(database.getCollection("questions").countDocuments(eq("documentId", "kst-1"))).isEqualTo(1);
        assertThat(store.isCurrent(newer.contentSha256(), QaParser.VERSION)).isTrue();
        assertThat(store.isCurrent(older.contentSha256(), QaParser.VERSION)).isFalse();
    }

    @Test
    void eventTheBrokerRefusesStopsTheBatchAtItsOwnDeliveryNotAtTheFirst() {
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed(null, 2));
        List<RawDocument> raws = List.of(Samples.plainText("kst-1", "Vraag 1 ..."),
                Samples.plainText("kst-2", "Vraag 2 ..."), Samples.plainText("kst-3", "Vraag 3 ..."));
        publisher.refused = "kst-2";

        assertThatThrownBy(() -> service.processAll(raws.stream().map(r -> new Delivery(r, ORIGIN)).toList()))
                .isInstanceOfSatisfying(BatchStoppedException.class, e -> {
                    assertThat(e.index()).as("kst-2's delivery").isEqualTo(1);
                    assertThat(e.getCause()).hasMessageContaining("kst-2");
                });
        assertThat(store.isCurrent(raws.get(0).contentSha256(), QaParser.VERSION)).as("kst-1 done").isTrue();
        assertThat(store.isCurrent(raws.get(1).contentSha256(), QaParser.VERSION)).isFalse();
    }

    @Test
    void twoContentHashIdsThatTurnOutOneDocumentEndOnTheLaterContentAlsoWhenReplayed() {
        RawDocument older = Samples.plainText("sha256:" + "1".repeat(64), "Vraag 1 oud");
        RawDocument newer = Samples.plainText("sha256:" + "2".repeat(64), "Vraag 1 nieuw");
        when(qaParser.parseText("Vraag 1 oud")).thenReturn(Samples.parsed("kst-9", 3));
        when(qaParser.parseText("Vraag 1 nieuw")).thenReturn(Samples.parsed("kst-9", 1));
        List<Delivery> batch = List.of(new Delivery(older, ORIGIN), new Delivery(newer, ORIGIN));

        service.processAll(batch);
        service.processAll(batch); // the replay after a kill before the position was written

        assertThat(database.getCollection("documents").find(eq("_id", "kst-9")).first().getString("contentSha256"))
                .isEqualTo(newer.contentSha256());
        assertThat(publisher.published.get(publisher.published.size() - 1).questions()).hasSize(1);
    }

    @Test
    void sameEventTwiceInOneBatchIsParsedAndPublishedOnce() {
        RawDocument raw = Samples.plainText("kst-1", "Vraag 1 ...");
        when(qaParser.parseText(anyString())).thenReturn(Samples.parsed(null, 2));

        assertThat(service.processAll(List.of(new Delivery(raw, ORIGIN), new Delivery(raw, ORIGIN))))
                .containsExactly(Outcome.PARSED, Outcome.SKIPPED);
        assertThat(publisher.published).hasSize(1);
        assertThat(meters.get(ParserMetrics.PARSE).timer().count()).as("parser calls").isEqualTo(1);
    }

    /** Records what was published, and in how many calls; can be told to fail once, as a broker without ack. */
    private static final class RecordingPublisher implements ParsedDocumentPublisher {
        final List<ParsedDocument> published = new ArrayList<>();
        int calls;
        boolean failNext;
        /** Every publish fails, as while the broker is away. */
        boolean down;
        /** Refused every time it is among the events, as the broker refuses a record that is too large. */
        String refused;

        @Override
        public void publishAll(List<StoredResult> results) {
            calls++;
            if (failNext || down) {
                failNext = false;
                throw new PublishFailedException("no ack", null);
            }
            if (results.stream().anyMatch(r -> r.documentId().equals(refused))) {
                throw new PublishFailedException("publishing " + refused + " failed: RecordTooLargeException", null);
            }
            results.forEach(r -> published.add(r.document()));
        }
    }
}
