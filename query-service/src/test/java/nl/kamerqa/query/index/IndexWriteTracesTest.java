package nl.kamerqa.query.index;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.query.QueryApplication;
import nl.kamerqa.query.SharedBroker;
import nl.kamerqa.query.StoredSamples;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doAnswer;

/**
 * The index write in the documents' traces: the span current while the feeder applies a poll to the index is the
 * document's own when the poll holds one parsed event, and one span linked to each document's when it holds several.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=" + QueryApplication.CONFIG_NAME,
                "kamerqa.index.topic=" + IndexWriteTracesTest.TOPIC, "kamerqa.stream.topic=" + IndexWriteTracesTest.TOPIC,
                "kamerqa.index.directory=target/test-index/${random.uuid}", SharedBroker.BOOTSTRAP_SERVERS_PROPERTY,
                // the index feeder needs no MongoDB, and nothing here asks one
                "spring.mongodb.uri=mongodb://127.0.0.1:1/kamerqa-index-traces"})
class IndexWriteTracesTest {

    static final String TOPIC = "index-traces-it.parsed";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> BATCH = List.of("kst-1-801", "kst-1-802", "kst-1-803");
    private static final Map<String, String> SENT_TRACES = new ConcurrentHashMap<>();

    /** The documents of each index write and the span current during it. */
    record Write(List<String> documentIds, Span span) {
    }

    private final List<Write> writes = new CopyOnWriteArrayList<>();

    @MockitoSpyBean
    QuestionIndex index;
    @Autowired
    IndexFeeder feeder;
    @Autowired
    Tracer tracer;

    @BeforeEach
    void recordTheSpanOfEachWrite() throws Exception {
        // stubbing a spy while another thread calls it fails (UnfinishedStubbingException): the feeder polls and
        // applies all the time, so it waits while the answer is set up
        feeder.stop();
        try {
            doAnswer(call -> {
                List<QuestionIndex.Change> changes = call.getArgument(0);
                writes.add(new Write(changes.stream().map(QuestionIndex.Change::documentId).toList(),
                        tracer.currentSpan()));
                return call.callRealMethod();
            }).when(index).apply(any(), anyMap(), anyBoolean());
        } finally {
            feeder.start();
        }
    }

    @Test
    void aPollOfOneEventIsWrittenToTheIndexInsideThatDocumentsTrace() throws Exception {
        String id = "kst-1-810";

        send(id);

        Write write = await().atMost(WAIT).until(() -> writeOf(id), w -> w != null);
        assertThat(write.documentIds()).containsExactly(id);
        assertThat(write.span()).as("a span current during the write").isNotNull();
        assertThat(write.span().context().traceId()).isEqualTo(SENT_TRACES.get(id));
        assertThat(write.span().context().parentId()).as("the document's consumer span, a child of the sender's")
                .isEqualTo(SENT_TRACES.get(id + "/span"));
    }

    @Test
    void aPollOfSeveralEventsIsWrittenInOneSpanLinkedToEachDocumentsSpan() throws Exception {
        feeder.stop();
        try {
            for (String id : BATCH) {
                send(id);
            }
        } finally {
            // the three wait in one partition, so the first poll after the start takes them together
            feeder.start();
        }

        Write write = await().atMost(WAIT).until(() -> writeOf(BATCH.get(0)), w -> w != null);
        assertThat(write.documentIds()).as("the events that waited, in one poll").containsExactlyInAnyOrderElementsOf(BATCH);
        assertThat(write.span()).as("a span current during the write").isNotNull();
        SpanData span = ((ReadableSpan) OtelSpan.toOtel(write.span())).toSpanData();
        assertThat(span.getName()).isEqualTo("kamerqa.query.index-write");
        assertThat(span.getTraceId()).isNotIn(SENT_TRACES.values());
        assertThat(span.getLinks()).extracting(link -> link.getSpanContext().getTraceId())
                .containsExactlyInAnyOrderElementsOf(BATCH.stream().map(SENT_TRACES::get).toList());
    }

    private Write writeOf(String documentId) {
        return writes.stream().filter(w -> w.documentIds().contains(documentId)).findFirst().orElse(null);
    }

    /** The event on partition 0 with a traceparent of its own, as parser-service would send it. */
    private static void send(String documentId) throws Exception {
        String traceId = hex(16);
        String spanId = hex(8);
        SENT_TRACES.put(documentId, traceId);
        SENT_TRACES.put(documentId + "/span", spanId);
        ParsedDocument document = StoredSamples.document(documentId, "KAMERVRAGEN", "36200VII", "1", "2023-2024",
                List.of("VVD"), List.of());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, 0, documentId,
                    JSON.writeValueAsBytes(document));
            record.headers().add("traceparent", ("00-" + traceId + "-" + spanId + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
