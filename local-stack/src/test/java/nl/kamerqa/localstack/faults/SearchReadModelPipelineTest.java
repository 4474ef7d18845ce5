package nl.kamerqa.localstack.faults;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.Topics;
import nl.kamerqa.localstack.faults.ReportDocuments.Report;
import nl.kamerqa.localstack.faults.Uploader.Upload;
import nl.kamerqa.parser.QaParser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12's read model over HTTP on data that went through the whole real pipeline: uploads to ingest-service, the
 * raw topic on a real KRaft broker, parser-service, the compacted parsed topic, and query-service's Lucene index fed
 * from it, each service its own JVM ({@link FaultStack}). Fifty distinct report documents (46 questions each, made
 * from the bundled sample) and one Kamervragen XML are uploaded once; then, in order: every query endpoint answers
 * with exactly what the parser made of them; query-service restarted on a deleted index is SIGKILLed in the middle
 * of rebuilding it from the topic and resumes from its last commit without gaps or duplicates; a document uploaded
 * again with other content replaces its entries; a rebuild on demand replays the topic to the same result; bad
 * parameters are answered 400 naming the parameter.
 * <p>
 * Expectations are qa-parser's own answer for the same bytes (the parser-service runs the same library), so every
 * count and id below is exact. Not tagged {@code faults}: it runs in the normal build (about a minute).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SearchReadModelPipelineTest {

    private static final int VARIANTS = 50;
    /** The variant uploaded again with other content. */
    private static final int REPARSED = 25;
    /** The re-parsed version ends before this question of the sample (and so has questions 1 to 23). */
    private static final String CUT_BEFORE = "24. De leden van de SP-fractie";
    /** A word of the sample's question 1 and its answer; the re-parsed version has {@link #NEW_WORD} instead. */
    private static final String OLD_WORD = "burgerschapszone";
    private static final String NEW_WORD = "kabeljauwquotumzone";
    private static final String KAMERVRAGEN_FILE = "packaged/ah-tk-20232024-1786.xml";
    private static final String KAMERVRAGEN_ID = "ah-tk-20232024-1786";
    /** Ingezonden 4 April 2024, ontvangen 21 May 2024. */
    private static final int KAMERVRAGEN_ANSWER_DAYS = 47;
    /** The offsets in each Lucene commit's user data (QuestionIndex.OFFSET_KEY_PREFIX, package-private there). */
    private static final String OFFSET_KEY_PREFIX = "kamerqa.offset.";
    private static final int KILL_ATTEMPTS = 3;
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FaultStack stack;
    private List<Report> variants;
    /** documentId to its question ids in document order: what the index should hold right now. */
    private final Map<String, List<String>> expected = new LinkedHashMap<>();
    /** documentId to question counts per party (questions without a party are not counted). */
    private final Map<String, Map<String, Long>> expectedParties = new LinkedHashMap<>();
    private ParsedDocument sampleVariant;
    private ParsedDocument kamervragen;
    private ParsedDocument reparsed;
    private byte[] reparsedContent;

    @BeforeAll
    void uploadEverythingThroughIngest() throws Exception {
        variants = SampleVariants.variants(1, VARIANTS);
        byte[] xml = resource(KAMERVRAGEN_FILE);
        // what the parser should make of them, worked out while the services start
        CompletableFuture<Void> expectations = CompletableFuture.runAsync(() -> expectWhatTheParserMakesOf(xml));
        stack = FaultStack.start("search-read-model");
        expectations.join();
        List<Input> inputs = new ArrayList<>();
        variants.forEach(v -> inputs.add(v.input()));
        inputs.add(new Input(KAMERVRAGEN_ID, xml, "application/xml",
                Map.of("filename", "ah-tk-20232024-1786.xml"), false, Input.Expected.STORED));
        Uploader uploader = new Uploader(stack.ingest.url(), FaultStack.API_KEY, GoodBatch.RETRY_AFTER_CAP,
                GoodBatch.MAX_ATTEMPTS);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Upload>> uploads = new ArrayList<>();
            inputs.forEach(input -> uploads.add(threads.submit(() -> uploader.send(input))));
            for (int i = 0; i < inputs.size(); i++) {
                Upload upload = uploads.get(i).get(5, TimeUnit.MINUTES);
                assertThat(upload.status()).as("upload of %s: %s", inputs.get(i), upload.body()).isEqualTo(202);
                assertThat(upload.documentId()).as("id of %s", inputs.get(i)).isEqualTo(expectedIdOf(inputs.get(i)));
            }
        } finally {
            threads.shutdownNow();
        }
        await("every document parsed and indexed").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(total("/api/questions?limit=1")).isEqualTo(expectedQuestions());
                    assertThat(total("/api/documents?limit=1")).isEqualTo(expected.size());
                });
    }

    /** The expectations: qa-parser's own answer for each upload and for the re-parsed version. */
    private void expectWhatTheParserMakesOf(byte[] xml) {
        QaParser parser = QaParser.create();
        kamervragen = parser.parse(xml);
        for (Report report : variants) {
            ParsedDocument parsed = parser.parseText(new String(report.input().content(), StandardCharsets.UTF_8));
            expect(report.documentId(), parsed);
            if (report.number() == 1) {
                sampleVariant = parsed;
            }
        }
        expect(KAMERVRAGEN_ID, kamervragen);

        String variantText = new String(variants.get(REPARSED - 1).input().content(), StandardCharsets.UTF_8);
        int cut = variantText.indexOf(CUT_BEFORE);
        if (cut < 0 || !variantText.substring(0, cut).contains(OLD_WORD)) {
            throw new IllegalStateException("the sample no longer has '" + CUT_BEFORE + "' after '" + OLD_WORD + "'");
        }
        String shorter = variantText.substring(0, cut).replace(OLD_WORD, NEW_WORD);
        reparsedContent = shorter.getBytes(StandardCharsets.UTF_8);
        reparsed = parser.parseText(shorter);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyQueryEndpointServesExactlyWhatTheParserMadeOfTheUploads() throws Exception {
        assertThat(expected).hasSize(VARIANTS + 1);
        assertThat(sampleVariant.questions()).hasSize(46);
        // the system of record (MongoDB): every document with its questions in order
        for (Map.Entry<String, List<String>> document : expected.entrySet()) {
            JsonNode served = get("/api/documents/" + document.getKey());
            assertThat(ids(served.get("questions"), q -> document.getKey() + "#" + q.get("number").asString()))
                    .as("questions of %s", document.getKey()).containsExactlyElementsOf(document.getValue());
        }
        assertEveryQuestionOnceWithTheCursor();
        assertEveryDocumentListedOnceWithItsQuestionCount();

        // one question, by its id and by document and number: the text the parser found
        String variant1 = variants.get(0).documentId();
        ParsedDocument.Question seven = sampleVariant.questions().stream().filter(q -> q.number().equals("7"))
                .findFirst().orElseThrow();
        JsonNode byId = get("/api/questions/" + variant1 + "%237");
        assertThat(byId.get("id").asString()).isEqualTo(variant1 + "#7");
        assertThat(byId.get("documentId").asString()).isEqualTo(variant1);
        assertThat(byId.get("party").asString()).isEqualTo(seven.party());
        assertThat(byId.get("text").asString()).isEqualTo(seven.text());
        assertThat(byId.get("answer").get("covers").toString()).isEqualTo("[\"7\",\"8\"]");
        assertThat(get("/api/documents/" + variant1 + "/questions/7").get("id").asString()).isEqualTo(variant1 + "#7");
        assertThat(status("/api/questions/" + variant1 + "%2347")).isEqualTo(404);
        assertThat(status("/api/documents/kst-88888-" + (VARIANTS + 1))).isEqualTo(404);

        // full text: the sample's four gemeentefonds questions in each variant, the word marked
        JsonNode found = get("/api/questions?q=gemeentefonds&documentId=" + variant1 + "&sort=date");
        assertThat(ids(found.get("items"))).containsExactly(variant1 + "#7", variant1 + "#8", variant1 + "#29",
                variant1 + "#34");
        found.get("items").forEach(item ->
                assertThat(item.get("highlights").toString()).containsIgnoringCase("<mark>gemeentefonds</mark>"));
        assertThat(total("/api/questions?q=gemeentefonds&limit=1")).isEqualTo(4L * VARIANTS);
        assertThat(total("/api/documents?q=gemeentefonds&limit=1")).isEqualTo(VARIANTS);
        assertThat(total("/api/questions?q=" + OLD_WORD + "&limit=1")).isEqualTo(mentioning(sampleVariant, OLD_WORD) * VARIANTS);

        // facets of one document, and the statistics over everything
        JsonNode facets = get("/api/questions?documentId=" + variant1 + "&facets=party&limit=1");
        assertThat(counts(facets.get("facets").get("party"))).isEqualTo(expectedParties.get(variant1));
        assertPartyStatisticsMatch();

        // Kamervragen: filters, and the answer time of its ministry
        JsonNode kv = get("/api/questions?genre=kamervragen&limit=200");
        assertThat(ids(kv.get("items"))).containsExactlyElementsOf(expected.get(KAMERVRAGEN_ID));
        String ministry = kv.get("items").get(0).get("ministry").asString();
        assertThat(ministry).isNotBlank();
        long answered = kamervragen.questions().stream().filter(q -> q.answer() != null).count();
        assertThat(answered).isPositive();
        assertThat(total("/api/questions?genre=kamervragen&answered=true&limit=1")).isEqualTo(answered);
        assertThat(total("/api/questions?from=2024-04-01&to=2024-04-30&limit=1"))
                .isEqualTo(kamervragen.questions().size());
        JsonNode times = get("/api/stats/answer-times");
        assertThat(times.get("items")).hasSize(1);
        JsonNode time = times.get("items").get(0);
        assertThat(time.get("ministry").asString()).isEqualTo(ministry);
        assertThat(time.get("answered").asLong()).isEqualTo(1); // one document: one answer date
        assertThat(time.get("medianDays").asLong()).isEqualTo(KAMERVRAGEN_ANSWER_DAYS);
        assertThat(time.get("p90Days").asLong()).isEqualTo(KAMERVRAGEN_ANSWER_DAYS);
        assertThat(time.get("maxDays").asLong()).isEqualTo(KAMERVRAGEN_ANSWER_DAYS);
        assertThat(get("/api/stats/answer-times?from=2025-01-01").get("items")).isEmpty();
    }

    @Test
    @Order(2)
    void queryServiceKilledWhileRebuildingADeletedIndexResumesFromItsLastCommitWithoutGapsOrDuplicates()
            throws Exception {
        Map<Integer, Long> end = parsedTopicEndOffsets();
        long endSum = sum(end);
        assertThat(endSum).as("one parsed event per upload").isEqualTo(expected.size());
        assertThat(stack.query.stop(Duration.ofSeconds(60))).as("query-service stopped on SIGTERM").isTrue();
        assertThat(committedOffsets()).as("a clean stop commits the whole topic").isEqualTo(end);

        Map<Integer, Long> atKill = Map.of();
        int attempt = 0;
        while (attempt < KILL_ATTEMPTS) {
            attempt++;
            FaultStack.deleteRecursively(stack.queryIndex);
            assertThat(stack.queryIndex).doesNotExist();
            stack.query.start();
            // the feeder starts replaying before the web server answers: watch the index's commits on disk
            await("a first commit of the rebuilt index").atMost(FaultStack.START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(10)).until(() -> {
                        stack.query.assertAlive("while rebuilding its index");
                        return sum(committedOffsets()) > 0;
                    });
            stack.query.kill();
            atKill = committedOffsets();
            System.out.printf("search-read-model: kill %d of query-service at committed offsets %s of %s%n",
                    attempt, atKill, end);
            if (sum(atKill) < endSum) {
                break; // killed in the middle of the replay
            }
        }
        assertThat(sum(atKill)).as("killed in the middle of the replay (attempts: %d)", attempt)
                .isPositive().isLessThan(endSum);
        Map<Integer, Long> committedAtKill = atKill;
        end.forEach((partition, offset) ->
                assertThat(committedAtKill.getOrDefault(partition, 0L)).isLessThanOrEqualTo(offset));

        stack.query.start();
        stack.query.awaitHealthy(FaultStack.START_TIMEOUT);
        JsonNode status = admin();
        assertThat(offsets(status.get("startOffsets"))).as("resumed from the last commit, not from the start")
                .isEqualTo(committedAtKill);
        assertThat(status.get("rebuildsSinceStart").asInt()).isZero();
        await("the rest of the topic replayed").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(offsets(admin().get("committedOffsets"))).isEqualTo(end));
        assertThat(total("/api/questions?limit=1")).isEqualTo(expectedQuestions());
        assertEveryQuestionOnceWithTheCursor();
        assertEveryDocumentListedOnceWithItsQuestionCount();
        assertPartyStatisticsMatch();
    }

    @Test
    @Order(3)
    void documentUploadedAgainWithOtherContentReplacesAllItsEntries() throws Exception {
        String id = variants.get(REPARSED - 1).documentId();
        List<String> before = expected.get(id);
        List<String> after = ids(reparsed, id);
        assertThat(before).hasSize(46);
        assertThat(after).hasSize(23).isEqualTo(before.subList(0, 23));
        List<String> withNewWord = reparsed.questions().stream().filter(q -> mentions(q, NEW_WORD))
                .map(q -> id + "#" + q.number()).toList();
        assertThat(withNewWord).isNotEmpty();
        long oldWordEverywhere = total("/api/questions?q=" + OLD_WORD + "&limit=1");
        assertThat(ids(get("/api/questions?documentId=" + id + "&limit=200").get("items"))).isEqualTo(before);

        Uploader uploader = new Uploader(stack.ingest.url(), FaultStack.API_KEY, GoodBatch.RETRY_AFTER_CAP,
                GoodBatch.MAX_ATTEMPTS);
        Upload upload = uploader.send(new Input(id + "-shorter", reparsedContent, "text/plain; charset=utf-8",
                Map.of("filename", id + ".txt", "documentId", id), false, Input.Expected.STORED));
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        assertThat(upload.documentId()).isEqualTo(id);
        expect(id, reparsed);

        await("the new version replaces the old one").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(ids(get("/api/questions?documentId=" + id + "&limit=200").get("items")))
                            .isEqualTo(after);
                    assertThat(ids(get("/api/documents/" + id).get("questions"), q -> id + "#" + q.get("number").asString()))
                            .isEqualTo(after);
                });
        JsonNode listed = get("/api/documents?documentId=" + id);
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("questionCount").asInt()).isEqualTo(23);
        assertThat(total("/api/questions?limit=1")).isEqualTo(expectedQuestions());
        assertThat(total("/api/documents?limit=1")).isEqualTo(expected.size());

        // only the new text is found in it; the old text of the other 49 documents still is
        assertThat(ids(get("/api/questions?q=" + NEW_WORD + "&sort=date").get("items")))
                .containsExactlyElementsOf(withNewWord);
        assertThat(total("/api/questions?q=" + OLD_WORD + "&documentId=" + id + "&limit=1")).isZero();
        assertThat(total("/api/questions?q=" + OLD_WORD + "&limit=1"))
                .isEqualTo(oldWordEverywhere - mentioning(sampleVariant, OLD_WORD));
        assertThat(ids(get("/api/questions?q=gemeentefonds&documentId=" + id + "&sort=date").get("items")))
                .containsExactly(id + "#7", id + "#8");
        assertThat(total("/api/questions?q=gemeentefonds&limit=1")).isEqualTo(4L * VARIANTS - 2);

        // the questions it no longer has are gone from the index and from MongoDB
        for (String removed : List.of("24", "46")) {
            assertThat(status("/api/questions/" + id + "%23" + removed)).as("question %s", removed).isEqualTo(404);
            assertThat(status("/api/documents/" + id + "/questions/" + removed)).isEqualTo(404);
        }
        assertThat(get("/api/questions/" + id + "%2323").get("text").asString())
                .isEqualTo(reparsed.questions().get(22).text());
        assertPartyStatisticsMatch();
        assertEveryQuestionOnceWithTheCursor();

        // the live stream announces the new version
        JsonNode announced = firstStreamEvent("/api/stream?q=" + NEW_WORD + "&recent=1");
        assertThat(announced.get("documentId").asString()).isEqualTo(id);
        assertThat(announced.get("questionCount").asInt()).isEqualTo(23);
    }

    @Test
    @Order(4)
    void rebuildOnDemandReplaysTheTopicToTheSameEntries() throws Exception {
        assertThat(post("/api/admin/index/rebuild", null).statusCode()).isEqualTo(401);
        // a wrong key: 403, as in the other services (service-support's key check)
        assertThat(post("/api/admin/index/rebuild", "wrong-" + FaultStack.API_KEY).statusCode()).isEqualTo(403);
        int rebuildsBefore = admin().get("rebuildsSinceStart").asInt();
        HttpResponse<String> started = post("/api/admin/index/rebuild", FaultStack.API_KEY);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(started.body()).get("rebuild").asString()).isEqualTo("started");

        Map<Integer, Long> end = parsedTopicEndOffsets();
        assertThat(sum(end)).as("the re-parsed version is one more event").isEqualTo(expected.size() + 1);
        await("the index emptied").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> admin().get("rebuildsSinceStart").asInt() == rebuildsBefore + 1);
        // the count goes up as the emptying starts; a status asked for after that one reads the offsets once the
        // index is empty (QuestionIndex.clear and appliedOffsets share a lock), so offsets at the end of the topic
        // seen from here on are the replay's, not those from before the rebuild
        await("the topic replayed").atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(offsets(admin().get("committedOffsets"))).isEqualTo(end);
            assertThat(total("/api/questions?limit=1")).isEqualTo(expectedQuestions());
        });
        assertThat(stack.query.outputOfThisStart()).contains("Search index: rebuild requested");
        assertEveryQuestionOnceWithTheCursor();
        assertEveryDocumentListedOnceWithItsQuestionCount();
        assertPartyStatisticsMatch();
        String id = variants.get(REPARSED - 1).documentId();
        assertThat(ids(get("/api/questions?documentId=" + id + "&limit=200").get("items"))).isEqualTo(expected.get(id));
        assertThat(total("/api/questions?q=" + NEW_WORD + "&limit=1")).isEqualTo(mentioning(reparsed, NEW_WORD));
    }

    @Test
    @Order(5)
    void badParametersAreAnswered400NamingTheParameter() throws Exception {
        String dateCursor = get("/api/questions?sort=date&limit=1").get("cursor").asString();
        record Bad(String path, String parameter, String message) {
        }
        List<Bad> bad = List.of(
                new Bad("/api/questions?limit=500", "limit", "must be less than or equal to 200"),
                new Bad("/api/questions?limit=0", "limit", "must be greater than or equal to 1"),
                new Bad("/api/questions?sort=nonsense", "sort", "must be one of relevance, date, -date"),
                new Bad("/api/questions?sort=relevance", "sort", "relevance needs q"),
                new Bad("/api/questions?from=notadate", "from", "must be of type ISO date (2024-05-31), got 'notadate'"),
                new Bad("/api/questions?from=2024-02-01&to=2024-01-01", "from", "must not be after to (2024-02-01 > 2024-01-01)"),
                new Bad("/api/questions?cursor=garbage", "cursor", "is not one this service gave out"),
                new Bad("/api/questions?sort=-date&cursor=" + dateCursor, "cursor", "belongs to sort=date, not sort=-date"),
                new Bad("/api/questions?answered=maybe", "answered", "must be of type boolean (true or false), got 'maybe'"),
                new Bad("/api/questions?facets=colour", "facets", "must name some of party, genre, year, answeredBy, got 'colour'"),
                new Bad("/api/documents?limit=500", "limit", "must be less than or equal to 200"),
                new Bad("/api/documents?to=2024-13-01", "to", "must be of type ISO date (2024-05-31), got '2024-13-01'"),
                new Bad("/api/stats/questions?by=colour", "by", "must be one of party, genre, year, month, answeredBy"),
                new Bad("/api/stats/answer-times?answered=maybe", "answered", "must be of type boolean (true or false), got 'maybe'"));
        for (Bad b : bad) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(stack.query.url().resolve(b.path())).GET());
            assertThat(response.statusCode()).as("%s: %s", b.path(), response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(b.path()).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("title").asString()).as(b.path()).isEqualTo("Bad request parameter");
            assertThat(problem.get("status").asInt()).as(b.path()).isEqualTo(400);
            assertThat(problem.get("errors")).as(b.path()).hasSize(1);
            assertThat(problem.get("errors").get(0).get("parameter").asString()).as(b.path()).isEqualTo(b.parameter());
            assertThat(problem.get("errors").get(0).get("message").asString()).as(b.path()).isEqualTo(b.message());
            assertThat(problem.get("detail").asString()).as(b.path()).isEqualTo(b.parameter() + " " + b.message());
        }
        // the good forms of the same requests are answered
        assertThat(get("/api/questions?limit=200&sort=date").get("items")).hasSize(200);
        assertThat(get("/api/questions?answered=false&limit=1").get("total").asLong())
                .isEqualTo(expectedQuestions() - get("/api/questions?answered=true&limit=1").get("total").asLong());
    }

    // ---------------------------------------------------------------- what the index should hold

    private void expect(String documentId, ParsedDocument parsed) {
        expected.put(documentId, ids(parsed, documentId));
        expectedParties.put(documentId, parsed.questions().stream().filter(q -> q.party() != null)
                .collect(Collectors.groupingBy(ParsedDocument.Question::party, TreeMap::new, Collectors.counting())));
    }

    private static List<String> ids(ParsedDocument parsed, String documentId) {
        return parsed.questions().stream().map(q -> documentId + "#" + q.number()).toList();
    }

    private long expectedQuestions() {
        return expected.values().stream().mapToLong(List::size).sum();
    }

    private static String expectedIdOf(Input input) {
        return input.params().get("filename").replaceFirst("\\.(txt|xml)$", "");
    }

    private static boolean mentions(ParsedDocument.Question q, String word) {
        String text = (q.text() + " " + (q.answer() == null ? "" : q.answer().text())).toLowerCase(Locale.ROOT);
        return text.contains(word);
    }

    private static long mentioning(ParsedDocument parsed, String word) {
        return parsed.questions().stream().filter(q -> mentions(q, word)).count();
    }

    // ---------------------------------------------------------------- checks over the whole index

    /** Every page of every question, following {@code next}: each expected id exactly once, nothing else. */
    private void assertEveryQuestionOnceWithTheCursor() throws Exception {
        List<String> walked = walk("/api/questions?limit=200");
        List<String> all = expected.values().stream().flatMap(List::stream).toList();
        assertThat(walked).doesNotHaveDuplicates().hasSize(all.size()).containsExactlyInAnyOrderElementsOf(all);
    }

    private void assertEveryDocumentListedOnceWithItsQuestionCount() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String next = "/api/documents?limit=20";
        while (next != null) {
            JsonNode page = get(next);
            page.get("items").forEach(d -> assertThat(counts.put(d.get("id").asString(), d.get("questionCount").asInt()))
                    .as("%s listed twice", d.get("id").asString()).isNull());
            assertThat(page.get("total").asLong()).isEqualTo(expected.size());
            next = page.hasNonNull("next") ? page.get("next").asString() : null;
        }
        Map<String, Integer> wanted = new HashMap<>();
        expected.forEach((id, questions) -> wanted.put(id, questions.size()));
        assertThat(counts).isEqualTo(wanted);
    }

    private void assertPartyStatisticsMatch() throws Exception {
        Map<String, Long> parties = new TreeMap<>();
        expectedParties.values().forEach(m -> m.forEach((party, n) -> parties.merge(party, n, Long::sum)));
        JsonNode stats = get("/api/stats/questions?by=party");
        assertThat(stats.get("by").asString()).isEqualTo("party");
        assertThat(stats.get("total").asLong()).isEqualTo(expectedQuestions());
        assertThat(counts(stats.get("counts"))).isEqualTo(parties);
    }

    private List<String> walk(String first) throws Exception {
        List<String> ids = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            JsonNode page = get(next);
            ids.addAll(ids(page.get("items")));
            next = page.hasNonNull("next") ? page.get("next").asString() : null;
            assertThat(++pages).as("pages of %s", first).isLessThan(1_000);
        }
        return ids;
    }

    // ---------------------------------------------------------------- the index on disk and the topic

    /** The offsets in the index's last commit on disk; empty when there is no index (yet). */
    private Map<Integer, Long> committedOffsets() {
        if (!Files.isDirectory(stack.queryIndex)) {
            return Map.of();
        }
        try (FSDirectory directory = FSDirectory.open(stack.queryIndex)) {
            Map<Integer, Long> offsets = new TreeMap<>();
            SegmentInfos.readLatestCommit(directory).getUserData().forEach((key, value) -> {
                if (key.startsWith(OFFSET_KEY_PREFIX)) {
                    offsets.put(Integer.parseInt(key.substring(OFFSET_KEY_PREFIX.length())), Long.parseLong(value));
                }
            });
            return offsets;
        } catch (IOException noCommitYet) {
            return Map.of();
        }
    }

    private Map<Integer, Long> parsedTopicEndOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.PARSED)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.PARSED).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.PARSED, p.partition()), p -> OffsetSpec.latest()));
            Map<Integer, Long> end = new TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> end.put(partition.partition(), info.offset()));
            return end;
        }
    }

    private static long sum(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Integer, Long> offsets(JsonNode node) {
        Map<Integer, Long> offsets = new TreeMap<>();
        node.properties().forEach(e -> offsets.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
        return offsets;
    }

    // ---------------------------------------------------------------- HTTP

    private JsonNode admin() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(stack.query.url().resolve("/api/admin/index"))
                .header("X-API-Key", FaultStack.API_KEY).GET());
        assertThat(response.statusCode()).as("GET /api/admin/index: %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.query.url().resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(stack.query.url().resolve(path)).GET());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String path) throws Exception {
        return send(HttpRequest.newBuilder(stack.query.url().resolve(path)).GET()).statusCode();
    }

    private long total(String path) throws Exception {
        return get(path).get("total").asLong();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The data of the first event of a server-sent event stream (closed right after). */
    private JsonNode firstStreamEvent(String path) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(stack.query.url().resolve(path))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            String data = CompletableFuture.supplyAsync(() -> lines.filter(l -> l.startsWith("data:")).findFirst()
                    .orElseThrow()).get(30, TimeUnit.SECONDS);
            return JSON.readTree(data.substring("data:".length()));
        }
    }

    private static List<String> ids(JsonNode items) {
        return ids(items, item -> item.get("id").asString());
    }

    private static List<String> ids(JsonNode items, Function<JsonNode, String> id) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach(c -> out.put(c.get("value").asString(), c.get("count").asLong()));
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SearchReadModelPipelineTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }
}
