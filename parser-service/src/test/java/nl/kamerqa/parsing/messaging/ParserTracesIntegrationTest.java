package nl.kamerqa.parsing.messaging;

import com.mongodb.client.MongoDatabase;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parsing.ParsingApplication;
import nl.kamerqa.parsing.Samples;
import nl.kamerqa.parsing.SharedBroker;
import nl.kamerqa.parsing.config.ParserProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * parser-service's spans, read from the OpenTelemetry SDK as they end (a span processor of this test, next to Boot's
 * exporting one): a document's MongoDB writes belong to the trace its raw record came with, a poll of several is
 * written in one span linked to each document, and a dead-lettered record goes on in its trace with one
 * {@code traceparent}.
 */
@SpringBootTest(classes = ParsingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.config.name=" + ParsingApplication.CONFIG_NAME)
@ActiveProfiles("test")
@Import(ParserTracesIntegrationTest.EndedSpans.class)
@DirtiesContext
class ParserTracesIntegrationTest extends InMemoryMongoTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");

    /** The shared broker, with this class's own topics (one raw partition, so a poll holds every record) and groups. */
    @DynamicPropertySource
    static void sharedBroker(DynamicPropertyRegistry registry) {
        SharedBroker.register(registry, "parser-traces-it", 1);
        // one consumer for the one partition: with the default three, the two idle ones joining later rebalance the
        // group while a test pauses it, and a consumer paused in a rebalance may never get its records
        registry.add("spring.kafka.listener.concurrency", () -> "1");
    }

    /** Every test starts with the consumer holding the partition, not while the group still forms. */
    @BeforeEach
    void consumerHoldsThePartition() {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(RawDocumentListener.ID), 1);
    }

    @TestConfiguration
    static class EndedSpans {
        @Bean
        Spans endedSpans() {
            return new Spans();
        }
    }

    /** Every span this context ends. */
    static class Spans implements SpanProcessor {
        final ConcurrentLinkedQueue<SpanData> ended = new ConcurrentLinkedQueue<>();

        @Override
        public void onStart(Context parent, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        List<SpanData> inTrace(String traceId) {
            return ended.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        }

        List<SpanData> mongo(String traceId) {
            return inTrace(traceId).stream().filter(s -> "mongodb".equals(s.getAttributes().get(DB_SYSTEM))).toList();
        }

        /** The id of the span that continued a record sent with this trace context (a child of the sender's). */
        String childOf(Traceparent sender) {
            return inTrace(sender.traceId()).stream().filter(s -> s.getParentSpanId().equals(sender.spanId()))
                    .map(SpanData::getSpanId).findFirst().orElse(null);
        }
    }

    /** A W3C trace context as a producer upstream (ingest-service) would send it. */
    record Traceparent(String traceId, String spanId) {
        static Traceparent random() {
            return new Traceparent(hex(16), hex(8));
        }

        static Traceparent parse(String header) {
            String[] parts = header.split("-");
            return new Traceparent(parts[1], parts[2]);
        }

        String header() {
            return "00-" + traceId + "-" + spanId + "-01";
        }

        private static String hex(int bytes) {
            byte[] random = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }
    }

    @Autowired
    Spans spans;
    @Autowired
    ParserProperties properties;
    @Autowired
    MongoDatabase database;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aDocumentsMongoWritesAreSpansInTheTraceItsRawRecordCameWith() throws Exception {
        RawDocument raw = Samples.plainText("kst-36200-VII-801", "Vraag 1\nDe leden van de VVD-fractie vragen ...");
        Traceparent upload = Traceparent.random();

        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, raw.documentId(), JSON.writeValueAsBytes(raw), upload);
        }

        awaitPublished(raw.documentId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(spans.mongo(upload.traceId()))
                .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("db.collection.name")))
                .as("its bulk write (questions, documents, contents) and its mark as published")
                .contains("questions", "documents", "contents"));
    }

    @Test
    void aPollOfSeveralDocumentsIsStoredInOneSpanThatLinksEachDocumentsSpan() throws Exception {
        List<RawDocument> raws = IntStream.range(0, 5)
                .mapToObj(i -> Samples.plainText("kst-36200-VII-81" + i, "Vraag 1\nDe leden van de SP-fractie " + i))
                .toList();
        List<Traceparent> uploads = raws.stream().map(raw -> Traceparent.random()).toList();

        // paused, not stopped: a stopped consumer leaves the group, and on a busy machine its leave can time out, so
        // the restarted one waited out the old member's session (45 s) before it got the partition again
        MessageListenerContainer container = listeners.getListenerContainer(RawDocumentListener.ID);
        container.pause();
        await("the listener paused").atMost(WAIT).until(container::isPauseRequested);
        await("the consumer paused").atMost(WAIT).until(container::isContainerPaused);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < raws.size(); i++) {
                send(producer, raws.get(i).documentId(), JSON.writeValueAsBytes(raws.get(i)), uploads.get(i));
            }
        } finally {
            // the five wait in the partition, so the polls after the resume take several at a time (Kafka does not
            // promise one poll for all: the first may return one record and the next the rest)
            container.resume();
        }

        raws.forEach(raw -> awaitPublished(raw.documentId()));
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> documentSpans = uploads.stream().map(spans::childOf).toList();
            assertThat(documentSpans).as("each document's span").doesNotContainNull();
            // a store span of several documents links exactly their spans, and every document is in one store write
            List<SpanData> stores = spans.ended.stream().filter(s -> s.getName().equals("kamerqa.parser.store"))
                    .filter(s -> documentSpans.containsAll(linkedSpanIds(s))).toList();
            assertThat(stores).as("store spans linking only this test's documents").isNotEmpty()
                    .allSatisfy(s -> assertThat(linkedSpanIds(s)).as("links of a batch's store span").hasSizeGreaterThan(1));
            long linked = stores.stream().mapToLong(s -> s.getLinks().size()).sum();
            long storedAlone = uploads.stream().filter(u -> spans.mongo(u.traceId()).stream().anyMatch(m ->
                    "documents".equals(m.getAttributes().get(AttributeKey.stringKey("db.collection.name"))))).count();
            assertThat(linked + storedAlone).as("each document written once: in a linked batch or in its own trace")
                    .isEqualTo(raws.size());
            SpanData store = stores.stream().max(Comparator.comparingInt(s -> s.getLinks().size())).orElseThrow();
            List<SpanData> mongo = spans.mongo(store.getTraceId());
            assertThat(mongo).as("the bulk write's MongoDB spans in the store span's trace")
                    .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("db.collection.name")))
                    .contains("questions", "documents", "contents");
            assertThat(mongo).anySatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(store.getSpanId()));
        });
    }

    @Test
    void aDeadLetteredRecordCarriesOneTraceparentThatContinuesItsRawRecordsTrace() throws Exception {
        String key = "kst-36200-VII-820";
        Traceparent upload = Traceparent.random();

        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, key, "not json".getBytes(StandardCharsets.UTF_8), upload);
        }

        ConsumerRecord<String, byte[]> dead = awaitOne(properties.topics().deadLetter(), key);
        List<String> traceparents = StreamSupport.stream(dead.headers().headers("traceparent").spliterator(), false)
                .map(Header::value).map(value -> new String(value, StandardCharsets.UTF_8)).toList();
        assertThat(traceparents).as("one trace context, not the raw record's copied next to a new one").hasSize(1);
        Traceparent sent = Traceparent.parse(traceparents.get(0));
        assertThat(sent.traceId()).isEqualTo(upload.traceId());
        assertThat(sent.spanId()).as("the dead-letter send's own span, not the raw record's sender")
                .isNotEqualTo(upload.spanId());
    }

    private static List<String> linkedSpanIds(SpanData span) {
        return span.getLinks().stream().map(LinkData::getSpanContext).map(c -> c.getSpanId()).toList();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private void send(KafkaProducer<String, byte[]> producer, String key, byte[] value, Traceparent trace)
            throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.topics().raw(), key, value);
        record.headers().add("traceparent", trace.header().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private void awaitPublished(String documentId) {
        await().atMost(WAIT).untilAsserted(() -> {
            Document document = database.getCollection("documents").find(eq("_id", documentId)).first();
            assertThat(document).isNotNull().containsKey("publishedAt");
        });
    }

    private static ConsumerRecord<String, byte[]> awaitOne(String topic, String key) {
        try (TopicReader reader = new TopicReader(SharedBroker.bootstrapServers(), topic)) {
            return await().atMost(WAIT).until(() -> reader.withKey(key), records -> records.size() == 1).get(0);
        }
    }
}
