package nl.kamerqa.localstack;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import nl.kamerqa.contracts.ContractFiles;
import nl.kamerqa.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton's promise, shared by the embedded and the Testcontainers run: the sample uploaded through
 * ingest-service's HTTP API comes out of query-service's HTTP API as 46 questions with the hand-checked texts,
 * parties, combined answers and footnotes, and the parsed event reaches {@code parliament.documents.parsed}; the raw and
 * parsed events on the topics are valid by the schemas of event-contracts.
 */
abstract class EndToEndScenario {

    static final String DOCUMENT_ID = "kst-36200-VII-147";
    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    /** @return the raw and parsed records of the upload, as read from the topics */
    List<ConsumerRecord<String, String>> sampleUploadedThroughIngestIsServedByQuery(LocalStack stack) throws Exception {
        try (KafkaConsumer<String, String> parsed = consumer(stack.kafkaBootstrapServers())) {
            parsed.subscribe(List.of(Topics.PARSED, Topics.RAW));

            List<String> answers = stack.loadSamples();
            assertThat(answers).singleElement().asString().contains(" -> 202 ");

            JsonNode gold = gold();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode page = get(stack.queryUrl(), "/api/questions?documentId=" + DOCUMENT_ID + "&size=100");
                assertThat(page.get("total").asInt()).isEqualTo(gold.get("questions").size());
            });
            JsonNode vvd = get(stack.queryUrl(), "/api/questions?documentId=" + DOCUMENT_ID + "&party=VVD&size=100");
            assertThat(vvd.get("total").asInt()).isEqualTo(5);

            JsonNode document = get(stack.queryUrl(), "/api/documents/" + DOCUMENT_ID);
            assertMatchesGold(document, gold);
            assertLiveStreamAnnounces(stack.queryUrl());

            List<ConsumerRecord<String, String>> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                parsed.poll(Duration.ofMillis(500)).forEach(events::add);
                assertThat(events).anySatisfy(event -> assertThat(event.topic()).isEqualTo(Topics.RAW));
                assertThat(events).anySatisfy(event -> {
                    assertThat(event.topic()).isEqualTo(Topics.PARSED);
                    assertThat(event.key()).isEqualTo(DOCUMENT_ID);
                    assertThat(new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                            .isEqualTo("nl.kamerqa.document.parsed");
                    assertThat(JSON.readTree(event.value()).get("questions").size()).isEqualTo(46);
                });
            });
            assertEveryEventValidatesAgainstItsSchema(events);
            return events;
        }
    }

    /**
     * One trace from the upload to the read model: the raw record's W3C {@code traceparent} (ingest-service), the
     * parsed record's (parser-service, continued from the raw one) and every stage line logged about the document by
     * the three services (the local stack's log pattern prints the MDC's traceId) name the same trace id.
     */
    static void assertOneTraceFromUploadToQuery(List<ConsumerRecord<String, String>> events, CharSequence logs) {
        String rawTrace = traceId(events, Topics.RAW);
        String parsedTrace = traceId(events, Topics.PARSED);
        assertThat(rawTrace).as("trace id of the raw record").matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(parsedTrace).as("trace id of the parsed record").isEqualTo(rawTrace);
        List<String> stages = logs.toString().lines()
                .filter(line -> line.contains(" - stage=") && line.contains("documentId=" + DOCUMENT_ID)).toList();
        assertThat(stages).as("stage lines of the three services about the document")
                .anySatisfy(line -> assertThat(line).contains("DocumentIntake - stage=received"))
                .anySatisfy(line -> assertThat(line).contains("ParsingService - stage=parsed"))
                .anySatisfy(line -> assertThat(line).contains("ParsedDocumentListener - stage=streamed"))
                .anySatisfy(line -> assertThat(line).contains("IndexFeeder - stage=indexed"))
                .allSatisfy(line -> assertThat(line).contains("[" + rawTrace + ","));
    }

    private static String traceId(List<ConsumerRecord<String, String>> events, String topic) {
        ConsumerRecord<String, String> event = events.stream()
                .filter(e -> e.topic().equals(topic) && DOCUMENT_ID.equals(e.key())).findFirst().orElseThrow();
        var traceparent = event.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent header on %s", topic).isNotNull();
        // traceparent: version-traceid-parentid-flags
        return new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];
    }

    /** The contract test on real output: what ingest- and parser-service wrote is valid by the published schemas. */
    private static void assertEveryEventValidatesAgainstItsSchema(List<ConsumerRecord<String, String>> events) {
        SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, Schema> byTopic = Map.of(
                Topics.RAW, schemas.getSchema(JSON.readTree(ContractFiles.read(ContractFiles.RAW_DOCUMENT_SCHEMA))),
                Topics.PARSED, schemas.getSchema(JSON.readTree(ContractFiles.read(ContractFiles.PARSED_DOCUMENT_SCHEMA))));
        for (ConsumerRecord<String, String> event : events) {
            assertThat(byTopic.get(event.topic()).validate(JSON.readTree(event.value())))
                    .as("%s event %s", event.topic(), event.key()).isEmpty();
        }
    }

    /**
     * The search read model on what went through the real pipeline (upload, broker, parser, compacted topic, index):
     * full text with the word marked, citations, facets, cursor paging, statistics, a named bad parameter.
     */
    void searchApiServesTheSampleFromItsIndex(LocalStack stack) throws Exception {
        URI query = stack.queryUrl();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get(query, "/api/questions?documentId=" + DOCUMENT_ID + "&limit=1").get("total").asInt()).isEqualTo(46));
        JsonNode found = get(query, "/api/questions?q=gemeentefonds&sort=date&facets=party");
        List<String> ids = new ArrayList<>();
        found.get("items").forEach(item -> {
            ids.add(item.get("id").asString());
            assertThat(item.get("citation").asString()).startsWith("Kamerstukken II 2022/23, 36 200 VII, nr. 147, p. ");
            assertThat(item.get("highlights").toString()).containsIgnoringCase("<mark>gemeentefonds</mark>");
        });
        assertThat(ids).containsExactly(DOCUMENT_ID + "#7", DOCUMENT_ID + "#8", DOCUMENT_ID + "#29", DOCUMENT_ID + "#34");
        assertThat(found.get("facets").get("party").toString()).contains("\"D66\"");

        List<String> walked = new ArrayList<>();
        JsonNode page = get(query, "/api/questions?documentId=" + DOCUMENT_ID + "&limit=20");
        page.get("items").forEach(item -> walked.add(item.get("id").asString()));
        while (page.hasNonNull("next")) {
            page = get(query, page.get("next").asString());
            page.get("items").forEach(item -> walked.add(item.get("id").asString()));
        }
        assertThat(walked).hasSize(46).doesNotHaveDuplicates();

        assertThat(get(query, "/api/stats/questions?by=party").get("total").asInt()).isEqualTo(46);
        assertThat(get(query, "/api/documents?q=gemeentefonds").get("items").get(0).get("id").asString()).isEqualTo(DOCUMENT_ID);
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(query.resolve("/api/questions?limit=500")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors").get(0).get("parameter").asString()).isEqualTo("limit");
    }

    /** query-service's live stream tells about the document (asked for the newest kept events, so none is missed). */
    private void assertLiveStreamAnnounces(URI query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(query.resolve("/api/stream?party=VVD&recent=5"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (java.util.stream.Stream<String> lines = stream.body()) {
            // the event's data line comes right away; reading stops at it, and closing ends the stream
            String data = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> lines.filter(line -> line.startsWith("data:")).findFirst().orElseThrow())
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            JsonNode announced = JSON.readTree(data.substring("data:".length()));
            assertThat(announced.get("documentId").asString()).isEqualTo(DOCUMENT_ID);
            assertThat(announced.get("questionCount").asInt()).isEqualTo(46);
        }
    }

    /** Texts, parties, combined answers and footnotes as in the hand-checked expected file. */
    private static void assertMatchesGold(JsonNode document, JsonNode gold) {
        Map<String, JsonNode> served = new HashMap<>();
        document.get("questions").forEach(q -> served.put(q.get("number").asString(), q));
        for (JsonNode expected : gold.get("questions")) {
            String number = expected.get("number").asString();
            JsonNode question = served.get(number);
            assertThat(question).as("question %s", number).isNotNull();
            assertThat(question.get("party").asString()).as("party of %s", number)
                    .isEqualTo(expected.get("party").asString());
            assertThat(folded(question.get("text").asString())).as("text of %s", number)
                    .isEqualTo(folded(expected.get("text").asString()));
            JsonNode answer = question.get("answer");
            assertThat(folded(answer.get("text").asString())).as("answer to %s", number)
                    .isEqualTo(folded(expected.get("answer_text").asString()));
            List<String> covers = new ArrayList<>();
            answer.get("covers").forEach(c -> covers.add(c.asString()));
            List<String> expectedCovers = new ArrayList<>();
            expected.get("answered_with").forEach(c -> expectedCovers.add(c.asString()));
            assertThat(covers).as("covers of %s", number).containsExactlyInAnyOrderElementsOf(expectedCovers);
        }
        Map<Integer, String> footnotes = new HashMap<>();
        document.get("footnotes").forEach(f -> footnotes.put(f.get("number").asInt(), f.get("text").asString()));
        assertThat(footnotes).hasSize(gold.get("footnotes").size());
        for (JsonNode expected : gold.get("footnotes")) {
            assertThat(folded(footnotes.get(expected.get("number").asInt())))
                    .isEqualTo(folded(expected.get("text").asString()));
        }
    }

    private static String folded(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }

    private static JsonNode gold() throws Exception {
        try (InputStream in = EndToEndScenario.class.getResourceAsStream("/samples/kst-36200-VII-147.expected.json")) {
            return JSON.readTree(in);
        }
    }

    /** The value of one Prometheus sample on a service: the line of that metric carrying all the given labels. */
    double metric(URI base, String name, String... labels) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> samples = response.body().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .toList();
        assertThat(samples).as("%s%s on %s", name, List.of(labels), base).isNotEmpty();
        return samples.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    JsonNode get(URI base, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
