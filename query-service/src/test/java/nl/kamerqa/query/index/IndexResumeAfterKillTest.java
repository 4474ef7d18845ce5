package nl.kamerqa.query.index;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.query.ApiClient;
import nl.kamerqa.query.ParsedTopic;
import nl.kamerqa.query.QueryApplication;
import nl.kamerqa.query.SharedBroker;
import nl.kamerqa.query.StoredSamples;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The index survives what a crash does to it: query-service runs as its own process, is killed with SIGKILL in the
 * middle of replaying the topic, and started again on the same index directory. It must resume from the offsets in
 * its last Lucene commit (not from the start) and end with every question exactly once. A deleted index directory
 * is rebuilt from the topic: from the service the first test leaves running with every question indexed, so the
 * class starts three service JVMs, not four (run alone, the second test starts its own first).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexResumeAfterKillTest {

    private static final String TOPIC = "resume-it.parsed";
    private static final String KEY = "resume-key";
    private static final int DOCUMENTS = 4_000;
    private static final int QUESTIONS_PER_DOCUMENT = 2;
    private static final Duration START = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MongoServer mongo;
    private static String mongoUri;

    @TempDir
    static Path temp;
    /** The service JVM started last; killed after the class. */
    private static Process service;
    /** Where {@link #service} answers and keeps its index, once it holds every question; else null. */
    private static ApiClient completeApi;
    private static Path completeIndex;

    @BeforeAll
    static void brokerWithAFullTopic() {
        mongo = new MongoServer(new MemoryBackend());
        mongoUri = mongo.bindAndGetConnectionString() + "/kamerqa-resume";
        List<ParsedDocument> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(document(i));
        }
        try (ParsedTopic topic = new ParsedTopic(SharedBroker.bootstrapServers(), TOPIC)) {
            topic.publishAll(documents);
        }
    }

    @AfterAll
    static void stopInfrastructure() {
        if (service != null) {
            service.destroyForcibly();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    @Order(1)
    void killedMidReplayTheServiceResumesFromItsLastCommitWithoutGapsOrDuplicates() throws Exception {
        Path index = temp.resolve("resume-index");
        ApiClient api = start(index, temp.resolve("resume-first.log"), true);
        await().atMost(START).pollInterval(Duration.ofMillis(50)).until(() -> committed(index) > 0);
        service.destroyForcibly().waitFor();

        long committedAtKill = committed(index);
        Map<String, String> commit = lastCommit(index);
        assertThat(committedAtKill).as("killed while replaying").isLessThan(DOCUMENTS);

        api = start(index, temp.resolve("resume-second.log"), false);
        ApiClient restarted = api;
        await().atMost(START).untilAsserted(() ->
                assertThat(restarted.json("/api/questions?limit=1").get("total").asLong())
                        .isEqualTo((long) DOCUMENTS * QUESTIONS_PER_DOCUMENT));
        assertThat(api.json("/api/admin/index", 401).get("status").asInt()).isEqualTo(401); // the status needs the key
        JsonNode started = JSON.readTree(adminStatus(api).body()).get("startOffsets");
        started.properties().forEach(e ->
                assertThat(e.getValue().asString()).isEqualTo(commit.get(QuestionIndex.OFFSET_KEY_PREFIX + e.getKey())));
        assertThat(started.size()).isPositive(); // resumed, not replayed from the start
        assertEveryQuestionOnce(api);
        completeApi = api;
        completeIndex = index;
    }

    @Test
    @Order(2)
    void deletedIndexIsRebuiltFromTheTopic() throws Exception {
        if (completeApi == null || !service.isAlive()) {
            completeIndex = temp.resolve("rebuild-index");
            completeApi = start(completeIndex, temp.resolve("rebuild-first.log"), false);
        }
        Path index = completeIndex;
        awaitAll(completeApi);
        service.destroy();
        service.waitFor();
        completeApi = null;
        deleteRecursively(index);

        ApiClient api = start(index, temp.resolve("rebuild-second.log"), false);
        assertThat(JSON.readTree(adminStatus(api).body()).get("startOffsets").size()).isZero();
        awaitAll(api);
        assertEveryQuestionOnce(api);
    }

    /**
     * Starts the service JVM (a previous one still running is killed first: one at a time against the topic).
     *
     * @param slowReplay small batches committed one by one, so the replay is long enough to be killed in the middle
     */
    private static ApiClient start(Path index, Path log, boolean slowReplay) throws IOException, InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor();
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        // the build's options for short-lived JVMs (root pom: C1 alone and the serial collector)
        String buildOptions = System.getProperty("kamerqa.test.child-jvm-options", "").strip();
        if (!buildOptions.isEmpty()) {
            command.addAll(List.of(buildOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath(), QueryApplication.class.getName(),
                "--server.port=" + port, "--spring.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri, "--kamerqa.index.directory=" + index,
                "--kamerqa.index.topic=" + TOPIC, "--kamerqa.stream.enabled=false",
                "--kamerqa.security.api-key=" + KEY));
        if (slowReplay) {
            command.addAll(List.of("--kamerqa.index.max-poll-records=10", "--kamerqa.index.commit-interval=0s"));
        }
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApiClient api = new ApiClient(port);
        await().atMost(START).ignoreExceptions().until(() -> api.get("/actuator/health/liveness", 200) != null);
        return api;
    }

    private static HttpResponse<String> adminStatus(ApiClient api) throws Exception {
        return api.getWithKey("/api/admin/index", KEY);
    }

    private static void awaitAll(ApiClient api) {
        await().atMost(START).untilAsserted(() -> assertThat(api.json("/api/questions?limit=1").get("total").asLong())
                .isEqualTo((long) DOCUMENTS * QUESTIONS_PER_DOCUMENT));
    }

    /** Exactly two entries per document, and the documents list holds each once. */
    private static void assertEveryQuestionOnce(ApiClient api) throws Exception {
        assertThat(api.json("/api/documents?limit=1").get("total").asLong()).isEqualTo(DOCUMENTS);
        for (int i : new int[]{0, 1, DOCUMENTS / 2, DOCUMENTS - 1}) {
            assertThat(ApiClient.ids(api.json("/api/questions?sort=date&documentId=" + id(i))))
                    .containsExactly(id(i) + "#1", id(i) + "#2");
        }
        JsonNode byYear = api.json("/api/stats/questions?by=genre");
        assertThat(byYear.get("total").asLong()).isEqualTo((long) DOCUMENTS * QUESTIONS_PER_DOCUMENT);
    }

    /** Documents replayed into the last commit (offsets summed over the partitions). */
    private static long committed(Path index) throws IOException {
        return QuestionIndex.offsetsOf(lastCommit(index)).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, String> lastCommit(Path index) throws IOException {
        if (!Files.exists(index)) {
            return Map.of();
        }
        try (FSDirectory directory = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (org.apache.lucene.index.IndexNotFoundException e) {
            return Map.of();
        }
    }

    private static String id(int i) {
        return "kst-90000-" + i;
    }

    private static ParsedDocument document(int i) {
        List<Question> questions = List.of(
                new Question("1", "VVD", "Vraag over de dijken van " + i, 1, 1, List.of(),
                        new Answer("Antwoord over de dijken van " + i, 2, 5, List.of("1"), List.of())),
                new Question("2", "SP", "Vraag over de polders van " + i, 1, 3, List.of(), null));
        return StoredSamples.document(id(i), "LIJST_VAN_VRAGEN", "90 000", Integer.toString(i), "2024–2025",
                List.of("VVD", "SP"), questions);
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
