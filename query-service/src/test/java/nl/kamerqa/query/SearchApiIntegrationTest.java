package nl.kamerqa.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.kamerqa.query.ApiClient.encode;
import static nl.kamerqa.query.ApiClient.ids;
import static nl.kamerqa.query.StoredSamples.KAMERVRAGEN;
import static nl.kamerqa.query.StoredSamples.OLD_KAMERVRAGEN;
import static nl.kamerqa.query.StoredSamples.SCHRIFTELIJK_OVERLEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search API over HTTP on documents that reached the index the real way: parsed events on a real (embedded
 * KRaft) broker's topic, read by the service's feeder into its Lucene index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QueryApplication.CONFIG_NAME,
                "kamerqa.index.topic=search-it.parsed", "kamerqa.stream.topic=search-it.parsed",
                "kamerqa.index.directory=target/test-index/${random.uuid}", "kamerqa.security.api-key=test-key",
                SharedBroker.BOOTSTRAP_SERVERS_PROPERTY})
class SearchApiIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = MONGO.bindAndGetConnectionString() + "/kamerqa-search";
    private static final String[] POLITIE = {"ah-tk-20232024-2001", "ah-tk-20232024-2002", "ah-tk-20232024-2003"};
    private static boolean published;

    @LocalServerPort
    int port;
    ApiClient api;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @BeforeEach
    void samplesWentThroughTheTopic() throws Exception {
        api = new ApiClient(port);
        if (published) {
            return;
        }
        published = true; // once, even if the wait below fails
        try (MongoClient client = MongoClients.create(MONGO_URI)) {
            StoredSamples.storeAll(client.getDatabase("kamerqa-search"));
        }
        try (ParsedTopic topic = topic()) {
            topic.publish(StoredSamples.schriftelijkOverleg(), StoredSamples.kamervragen(), StoredSamples.oldKamervragen());
            // three more answers of Justitie en Veiligheid, after 10, 20 and 50 days: median 20, p90 50
            int[] days = {10, 20, 50};
            for (int i = 0; i < POLITIE.length; i++) {
                topic.publish(politieQuestion(POLITIE[i], "2024-02-01", days[i]));
            }
        }
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.json("/api/questions?genre=KAMERVRAGEN").get("total").asLong()).isEqualTo(8));
    }

    @Test
    void dutchFullTextFindsQuestionsAndAnswersWithTheWordMarked() throws Exception {
        JsonNode found = api.json("/api/questions?q=GEMEENTEFONDS&sort=date&dossier=36200VII");
        assertThat(ids(found)).containsExactly(SCHRIFTELIJK_OVERLEG + "#2", SCHRIFTELIJK_OVERLEG + "#7",
                SCHRIFTELIJK_OVERLEG + "#8");
        JsonNode two = found.get("items").get(0);
        assertThat(two.get("highlights").get("question").asString()).contains("<mark>gemeentefonds</mark>");
        assertThat(two.get("highlights").has("answer")).isFalse();
        JsonNode seven = found.get("items").get(1);
        assertThat(seven.get("highlights").get("answer").asString()).contains("<mark>gemeentefonds</mark>");
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() throws Exception {
        // "uitzonderingen" and "uitzondering" share a stem
        assertThat(ids(api.json("/api/questions?q=uitzonderingen"))).containsExactly(KAMERVRAGEN + "#2");
    }

    @Test
    void everyWordIsRequiredAndQuotedWordsAreAPhrase() throws Exception {
        assertThat(ids(api.json("/api/questions?q=gemeentefonds+2024&sort=date")))
                .containsExactly(SCHRIFTELIJK_OVERLEG + "#2", SCHRIFTELIJK_OVERLEG + "#7", SCHRIFTELIJK_OVERLEG + "#8");
        assertThat(api.json("/api/questions?q=gemeentefonds+brandweer").get("total").asLong()).isZero();
        assertThat(ids(api.json("/api/questions?q=" + encode("\"in gesprek met de gemeenten\""))))
                .containsExactly(OLD_KAMERVRAGEN + "#2");
        assertThat(api.json("/api/questions?q=" + encode("\"gemeenten met in gesprek\"")).get("total").asLong()).isZero();
    }

    @Test
    void queryLookingTextIsPlainText() throws Exception {
        assertThat(ids(api.json("/api/questions?q=" + encode("(art. 3.1)")))).containsExactly(KAMERVRAGEN + "#2");
        for (String hostile : List.of(".*", "*:*", "text:*", "{\"$ne\": null}", "AND OR NOT", "\"")) {
            assertThat(api.json("/api/questions?q=" + encode(hostile)).get("total").asLong()).as(hostile).isZero();
        }
    }

    @Test
    void filtersCombine() throws Exception {
        assertThat(ids(api.json("/api/questions?party=d66&party=VVD&dossier=" + encode("36 200 VII") + "&sort=date")))
                .containsExactly(SCHRIFTELIJK_OVERLEG + "#1", SCHRIFTELIJK_OVERLEG + "#2", SCHRIFTELIJK_OVERLEG + "#7",
                        SCHRIFTELIJK_OVERLEG + "#8");
        assertThat(ids(api.json("/api/questions?documentId=" + KAMERVRAGEN + "&answered=false")))
                .containsExactly(KAMERVRAGEN + "#3");
        assertThat(ids(api.json("/api/questions?answeredBy=volksgezondheid&genre=kamervragen")))
                .containsExactly(OLD_KAMERVRAGEN + "#1", OLD_KAMERVRAGEN + "#2");
        assertThat(ids(api.json("/api/questions?asker=nispen&answered=true")))
                .containsExactly(KAMERVRAGEN + "#1", KAMERVRAGEN + "#2");
        assertThat(ids(api.json("/api/questions?from=2014-01-01&to=2014-12-31")))
                .containsExactly(OLD_KAMERVRAGEN + "#1", OLD_KAMERVRAGEN + "#2");
        assertThat(api.json("/api/questions?q=jeugdzorg&party=PVV").get("total").asLong()).isZero();
    }

    @Test
    void itemsCarryTheCustomaryCitationAndTheSourceUrl() throws Exception {
        JsonNode seven = api.json("/api/questions/" + SCHRIFTELIJK_OVERLEG + "%237");
        assertThat(seven.get("citation").asString()).isEqualTo("Kamerstukken II 2022/23, 36 200 VII, nr. 147, p. 3");
        assertThat(seven.get("sourceUrl").asString())
                .isEqualTo("https://zoek.officielebekendmakingen.nl/kst-36200-VII-147.html");
        assertThat(seven.get("answer").get("covers").toString()).isEqualTo("[\"7\",\"8\"]");
        JsonNode kv = api.json("/api/questions?documentId=" + KAMERVRAGEN + "&limit=1").get("items").get(0);
        assertThat(kv.get("citation").asString()).isEqualTo("Aanhangsel Handelingen II 2023/24, nr. 1786");
        assertThat(kv.get("date").asString()).isEqualTo("2023-12-06");
        assertThat(kv.get("ministry").asString()).isEqualTo("Justitie en Veiligheid");
    }

    @Test
    void cursorWalksEveryResultOnceEvenWhileDocumentsArrive() throws Exception {
        List<String> seen = new ArrayList<>();
        JsonNode page = api.json("/api/questions?genre=KAMERVRAGEN&sort=-date&limit=3");
        seen.addAll(ids(page));
        boolean arrived = false;
        while (page.hasNonNull("next")) {
            if (!arrived) { // a newer document arrives between two pages: the next link still continues in place
                try (ParsedTopic topic = topic()) {
                    topic.publish(politieQuestion("ah-tk-20242025-3001", "2025-03-01", 5)); // sorts first
                }
                await().atMost(WAIT).until(() -> api.json("/api/questions?documentId=ah-tk-20242025-3001").get("total").asLong() == 1);
                arrived = true;
            }
            page = api.json(page.get("next").asString());
            seen.addAll(ids(page));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(8).doesNotContain("ah-tk-20242025-3001#1");
        assertThat(seen.get(0)).startsWith(POLITIE[0]); // newest submission first
        assertThat(seen.subList(6, 8)).containsExactly(OLD_KAMERVRAGEN + "#1", OLD_KAMERVRAGEN + "#2");
    }

    @Test
    void facetsCountTheWholeResultPerValue() throws Exception {
        JsonNode found = api.json("/api/questions?dossier=36200VII&facets=party,genre,year,answeredBy&limit=1");
        assertThat(found.get("items")).hasSize(1);
        assertThat(counts(found.get("facets").get("party")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("VVD", 1L, "D66", 3L, "GroenLinks-PvdA", 1L));
        assertThat(counts(found.get("facets").get("genre"))).containsExactlyEntriesOf(Map.of("SCHRIFTELIJK_OVERLEG", 5L));
        assertThat(counts(found.get("facets").get("year"))).containsExactlyEntriesOf(Map.of("2022", 5L));
        JsonNode ministries = api.json("/api/questions?genre=kamervragen&facets=answeredBy").get("facets").get("answeredBy");
        assertThat(counts(ministries)).containsEntry("Volksgezondheid, Welzijn en Sport", 2L);
    }

    @Test
    void documentsAreListedWithTheSameFilters() throws Exception {
        JsonNode found = api.json("/api/documents?q=gemeentefonds&facets=genre");
        assertThat(ids(found)).containsExactly(SCHRIFTELIJK_OVERLEG);
        JsonNode doc = found.get("items").get(0);
        assertThat(doc.get("questionCount").asInt()).isEqualTo(5);
        assertThat(doc.get("answeredCount").asInt()).isEqualTo(4);
        assertThat(doc.has("questions")).isFalse();
        assertThat(ids(api.json("/api/documents?answeredBy=volksgezondheid"))).containsExactly(OLD_KAMERVRAGEN);
        assertThat(ids(api.json("/api/documents?party=pvv"))).containsExactly(KAMERVRAGEN);
        // the stored document with its questions is MongoDB's, unchanged
        assertThat(api.json("/api/documents/" + SCHRIFTELIJK_OVERLEG).get("questions")).hasSize(5);
    }

    @Test
    void statisticsCountQuestionsPerValueAndAnswerTimesPerMinistry() throws Exception {
        JsonNode byParty = api.json("/api/stats/questions?by=party&dossier=36200VII");
        assertThat(byParty.get("total").asLong()).isEqualTo(5);
        assertThat(counts(byParty.get("counts"))).containsEntry("D66", 3L);
        JsonNode byMonth = api.json("/api/stats/questions?by=month&genre=KAMERVRAGEN&from=2014-01-01&to=2014-12-31");
        assertThat(counts(byMonth.get("counts"))).containsExactlyEntriesOf(Map.of("2014-10", 2L));

        Map<String, JsonNode> times = new HashMap<>();
        api.json("/api/stats/answer-times?from=2023-01-01&to=2024-12-31").get("items")
                .forEach(t -> times.put(t.get("ministry").asString(), t));
        JsonNode justitie = times.get("Justitie en Veiligheid");
        // 35 days for 1786, then 10, 20, 50: sorted 10, 20, 35, 50
        assertThat(justitie.get("answered").asLong()).isEqualTo(4);
        assertThat(justitie.get("medianDays").asLong()).isEqualTo(20);
        assertThat(justitie.get("p90Days").asLong()).isEqualTo(50);
        assertThat(times).doesNotContainKey("Volksgezondheid, Welzijn en Sport"); // answered in 2014
    }

    @Test
    void reParsedDocumentReplacesItsEntriesAndATombstoneRemovesThem() throws Exception {
        String id = "kst-99999-1";
        try (ParsedTopic topic = topic()) {
            topic.publish(listOfQuestions(id, "eerste versie over windmolens", 3));
            await().atMost(WAIT).until(() -> api.json("/api/questions?documentId=" + id).get("total").asLong() == 3);
            topic.publish(listOfQuestions(id, "tweede versie over zonnepanelen", 2));
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(api.json("/api/questions?documentId=" + id).get("total").asLong()).isEqualTo(2);
                assertThat(api.json("/api/questions?q=windmolens").get("total").asLong()).isZero();
                assertThat(api.json("/api/questions?q=zonnepanelen").get("total").asLong()).isEqualTo(2);
                assertThat(api.json("/api/documents?documentId=" + id).get("total").asLong()).isEqualTo(1);
            });
            topic.delete(id);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(api.json("/api/documents?documentId=" + id).get("total").asLong()).isZero());
        }
        assertThat(api.json("/api/questions?documentId=" + id).get("total").asLong()).isZero();
    }

    @Test
    void aParsedDocumentIsSearchableWithinOneSecond() throws Exception {
        try (ParsedTopic topic = topic()) {
            long sent = System.nanoTime();
            topic.publish(listOfQuestions("kst-99999-2", "snelheid van het register", 1));
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> api.json("/api/questions?q=register+snelheid").get("total").asLong() == 1);
            System.out.printf("searchable after %d ms%n", (System.nanoTime() - sent) / 1_000_000);
        }
    }

    @Test
    void rebuildNeedsTheApiKeyAndReplaysTheTopic() throws Exception {
        assertThat(api.post("/api/admin/index/rebuild", null).statusCode()).isEqualTo(401);
        // a wrong key: 403, as in the other services (service-support's key check); it was 401 here before
        assertThat(api.post("/api/admin/index/rebuild", "wrong").statusCode()).isEqualTo(403);
        long before = api.json("/api/questions?limit=1").get("total").asLong();
        assertThat(api.post("/api/admin/index/rebuild", "test-key").statusCode()).isEqualTo(202);
        // asynchronous: first the index is emptied (counted in the status), then the topic replays
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(ParsedTopicStatus.rebuilds(api.getWithKey("/api/admin/index", "test-key").body())).isEqualTo(1);
            assertThat(api.json("/api/questions?limit=1").get("total").asLong()).isEqualTo(before);
            assertThat(api.json("/api/questions?dossier=36200VII").get("total").asLong()).isEqualTo(5);
        });
    }

    @Test
    void deprecatedPagingStillWorksAndSaysSo() throws Exception {
        HttpResponse<String> response = api.get("/api/questions?dossier=36200VII&sort=date&page=1&size=2", 200);
        assertThat(response.headers().firstValue("Deprecation")).hasValue("true");
        JsonNode page = ApiClientJson.read(response);
        assertThat(ids(page)).containsExactly(SCHRIFTELIJK_OVERLEG + "#7", SCHRIFTELIJK_OVERLEG + "#8");
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(api.get("/api/questions?dossier=36200VII", 200).headers().firstValue("Deprecation")).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} is refused naming {0}")
    @CsvSource({"limit,0", "limit,201", "limit,many", "from,yesterday", "to,2024-13-01", "answered,maybe",
            "sort,newest", "facets,colour", "cursor,not-a-cursor", "page,-1", "size,101"})
    void badParameterIsA400NamingIt(String parameter, String value) throws Exception {
        JsonNode problem = api.json("/api/questions?" + parameter + "=" + encode(value), 400);
        assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).startsWith(parameter + " ");
    }

    @Test
    void otherBadCombinationsAreNamedToo() throws Exception {
        assertThat(api.json("/api/questions?from=2024-02-01&to=2024-01-01", 400).get("detail").asString()).startsWith("from ");
        assertThat(api.json("/api/questions?sort=relevance", 400).get("detail").asString()).startsWith("sort ");
        String dateCursor = api.json("/api/questions?limit=1&sort=date").get("cursor").asString();
        assertThat(api.json("/api/questions?q=gemeentefonds&cursor=" + dateCursor, 400).get("detail").asString())
                .startsWith("cursor ");
        assertThat(api.json("/api/stats/questions?by=colour", 400).get("detail").asString()).startsWith("by ");
    }

    @Test
    void aGenreTheParserDoesNotKnowIsRefusedNamingTheKnownOnes() throws Exception {
        for (String path : List.of("/api/questions?genre=kamervragn", "/api/documents?genre=REPORT",
                "/api/stats/questions?by=party&genre=x", "/api/stream?genre=motie")) {
            JsonNode problem = api.json(path, 400);
            assertThat(problem.get("errors").get(0).get("parameter").asString()).as(path).isEqualTo("genre");
            assertThat(problem.get("detail").asString()).as(path).contains("KAMERVRAGEN", "SCHRIFTELIJK_OVERLEG");
        }
        assertThat(api.json("/api/questions?genre=kamervragen&limit=1").get("total").asInt()).isPositive();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({"/api/stats/questions?by=party&documentId=x,documentId", "/api/stats/answer-times?limit=5,limit",
            "/api/questions?partij=VVD,partij", "/api/documents?q=gemeentefonds&page_size=5,page_size",
            "/api/questions/kst-36200-VII-147%231?fields=text,fields"})
    void aParameterTheEndpointDoesNotTakeIsRefusedRatherThanIgnored(String path, String parameter) throws Exception {
        JsonNode problem = api.json(path, 400);
        assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).startsWith(parameter + " is not a parameter of this endpoint");
    }

    private ParsedTopic topic() {
        return new ParsedTopic(SharedBroker.bootstrapServers(), "search-it.parsed");
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> out = new HashMap<>();
        counts.forEach(c -> out.put(c.get("value").asString(), c.get("count").asLong()));
        return out;
    }

    private static ParsedDocument politieQuestion(String id, String asked, int days) {
        String answered = java.time.LocalDate.parse(asked).plusDays(days).toString();
        ParsedDocument document = StoredSamples.document(id, "KAMERVRAGEN", null, null, "2023–2024", List.of("SP"),
                List.of(new Question("1", "SP", "Hoeveel agenten werken er bij de politie?", 1, 10, List.of(),
                        new Answer("Dat staat in het jaarverslag van de politie.", 1, 20, List.of("1"), List.of()))));
        return StoredSamples.kamervragenOf(document, "Van Dijk", "SP", "Minister van Justitie en Veiligheid",
                "Minister Van Weel (Justitie en Veiligheid)", asked, answered, id.substring(id.lastIndexOf('-') + 1));
    }

    private static ParsedDocument listOfQuestions(String id, String text, int questions) {
        List<Question> list = new ArrayList<>();
        for (int i = 1; i <= questions; i++) {
            list.add(new Question(Integer.toString(i), "VVD", "Vraag " + i + ": " + text, 1, i, List.of(), null));
        }
        return StoredSamples.document(id, "LIJST_VAN_VRAGEN", "99 999", "1", "2024–2025", List.of("VVD"), list);
    }

    /** The admin status' count of rebuilds. */
    private static final class ParsedTopicStatus {
        static int rebuilds(String body) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("rebuildsSinceStart").asInt();
        }
    }

    /** The body of a response already checked for its status. */
    private static final class ApiClientJson {
        static JsonNode read(HttpResponse<String> response) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        }
    }
}
