package nl.kamerqa.localstack.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.Topics;
import nl.kamerqa.localstack.faults.Observer.StoredDocument;
import nl.kamerqa.localstack.faults.Observer.TopicRecord;
import nl.kamerqa.localstack.faults.ReportDocuments.Report;
import nl.kamerqa.localstack.faults.Uploader.Upload;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: with the raw topic's three partitions, two parser-service processes in one consumer group share the work
 * and every document is stored once. The stack's parser-service (instance A, two consumer threads) and a second
 * parser-service JVM (instance B, one consumer thread) run against one KRaft broker and one MongoDB-wire server, so
 * each of the three consumers holds one partition: A two, B one. Thirty distinct report documents (the bundled sample
 * with its footer varied, 46 questions each) go through ingest-service; each instance parses exactly the documents of
 * its own partitions, none is stored or published twice. Then A is killed with SIGKILL (no group leave, no shutdown)
 * and ten more are uploaded: B is given A's partitions, resumes each where MongoDB's {@code consumer_offsets} says A
 * got to (nothing parsed again), and stores the ten once.
 * <p>
 * The consumers' client ids ({@code spring.kafka.consumer.client-id}) tell the instances apart in the group
 * description; {@code session.timeout.ms} is 6 s (the broker's {@code group.min.session.timeout.ms}) instead of Kafka's
 * 45 s so the killed instance's consumers are declared dead sooner, with a heartbeat every second so that a live
 * consumer on a busy machine misses five before it is taken for dead. Not tagged {@code faults}: it runs in the normal
 * build (40 to 50 s beside the other tests on two cores).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class TwoParserInstancesTest {

    private static final int FIRST_BATCH = 30;
    private static final int SECOND_BATCH = 10;
    private static final String GROUP = Observer.PARSER_GROUP;
    /** Client id of instance A's consumers (parser-a-0, parser-a-1) and of instance B's (parser-b-0). */
    private static final String CLIENT_A = "parser-a";
    private static final String CLIENT_B = "parser-b";
    private static final int THREADS_A = 2;
    private static final int THREADS_B = 1;
    private static final int RAW_PARTITIONS = 3;
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static final Pattern DOCUMENTS_TOTAL =
            Pattern.compile("^kamerqa_parser_documents_total\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern OUTCOME = Pattern.compile("outcome=\"([^\"]+)\"");
    /** ParsingService's last line per document ({@code stage=published documentId=... outcome=parsed ...}). */
    private static final Pattern PUBLISHED = Pattern.compile("stage=published documentId=(\\S+) outcome=parsed");
    /** StoredOffsetsSeeker's line for a partition given to a consumer that resumes it from the stored position. */
    private static final Pattern SEEK = Pattern.compile(
            "stage=assigned partition=" + Pattern.quote(Topics.RAW) + "-(\\d+) outcome=seek offset=(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FaultStack stack;
    private ServiceProcess parserA;
    private ServiceProcess parserB;
    private Observer observer;
    private Admin admin;
    private MongoClient mongo;
    /** documentId to its number of questions: everything uploaded so far. */
    private final Map<String, Integer> expected = new LinkedHashMap<>();
    private final Map<String, String> expectedSha256 = new HashMap<>();
    /** What the first test saw, for the second. */
    private Set<Integer> partitionsOfA;
    private Set<Integer> partitionsOfB;
    private Map<Integer, Long> endOffsetsAfterFirstBatch;
    private long parsedByBInFirstBatch;
    private long parsedByAInFirstBatch;

    @BeforeAll
    void startTheStackWithASecondParserInstance() throws Exception {
        stack = FaultStack.startTwoParsers("two-parser-instances", instanceSettings(CLIENT_A, THREADS_A),
                instanceSettings(CLIENT_B, THREADS_B));
        parserA = stack.parser;
        parserB = stack.secondParser;
        observer = new Observer(stack);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        mongo = MongoClients.create(stack.mongo.connectionString());
        assertThat(parserA.healthStatus()).as("instance A's health once B is up").isEqualTo("UP");
    }

    /** Instance settings; the rest (broker, MongoDB, API key) are the stack's. */
    private static Map<String, String> instanceSettings(String clientId, int threads) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.consumer.client-id", clientId);
        settings.put("spring.kafka.listener.concurrency", Integer.toString(threads));
        settings.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        settings.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        return settings;
    }

    @AfterAll
    void stopEverything() {
        if (admin != null) {
            admin.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (observer != null) {
            observer.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void twoInstancesInOneGroupSplitThePartitionsAndEachDocumentIsParsedStoredAndPublishedOnce() throws Exception {
        // three consumers for three partitions: whatever the assignor, one partition each
        await("both instances' consumers in the group, one partition each").atMost(FaultStack.START_TIMEOUT)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    ConsumerGroupDescription group = describeGroup();
                    assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
                    Map<String, Set<Integer>> byClient = partitionsByClient(group);
                    assertThat(byClient).containsOnlyKeys(CLIENT_A + "-0", CLIENT_A + "-1", CLIENT_B + "-0");
                    assertThat(byClient.values()).allSatisfy(p -> assertThat(p).hasSize(1));
                });
        Map<String, Set<Integer>> assignment = partitionsByClient(describeGroup());
        partitionsOfA = partitionsOf(assignment, CLIENT_A);
        partitionsOfB = partitionsOf(assignment, CLIENT_B);
        System.out.printf("two-parser-instances: assignment %s (A %s, B %s)%n", assignment, partitionsOfA, partitionsOfB);
        assertThat(partitionsOfA).as("instance A's partitions").hasSize(THREADS_A);
        assertThat(partitionsOfB).as("instance B's partitions").hasSize(THREADS_B).doesNotContainAnyElementsOf(partitionsOfA);

        long started = System.nanoTime();
        upload(SampleVariants.variants(1, FIRST_BATCH));
        awaitEverythingStoredAndConsumed();
        System.out.printf("two-parser-instances: %d documents uploaded and stored in %d ms%n", FIRST_BATCH,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(partitionsByClient(describeGroup())).as("the assignment did not change while they worked")
                .isEqualTo(assignment);

        // the raw topic: one record per upload, on every partition, so both instances had a share to do
        List<TopicRecord> raw = observer.readAll(Topics.RAW);
        assertThat(raw).extracting(TopicRecord::key).hasSize(FIRST_BATCH).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        Map<Integer, Long> rawPerPartition = raw.stream()
                .collect(Collectors.groupingBy(TopicRecord::partition, TreeMap::new, Collectors.counting()));
        System.out.printf("two-parser-instances: raw records per partition %s%n", rawPerPartition);
        assertThat(rawPerPartition).as("raw records per partition").hasSize(RAW_PARTITIONS);
        Set<String> onPartitionsOfA = keysOn(raw, partitionsOfA);
        Set<String> onPartitionsOfB = keysOn(raw, partitionsOfB);

        assertEveryDocumentStoredOnce();
        assertOneParsedEventPerDocument();

        // each instance parsed exactly the documents of its own partitions: both a share, together all, none twice
        Map<String, Double> a = documentsTotals(parserA);
        Map<String, Double> b = documentsTotals(parserB);
        System.out.printf("two-parser-instances: kamerqa_parser_documents_total A %s, B %s%n", a, b);
        parsedByAInFirstBatch = a.get("parsed").longValue();
        parsedByBInFirstBatch = b.get("parsed").longValue();
        assertThat(parsedByAInFirstBatch).as("documents parsed by instance A").isPositive()
                .isEqualTo(onPartitionsOfA.size());
        assertThat(parsedByBInFirstBatch).as("documents parsed by instance B").isPositive()
                .isEqualTo(onPartitionsOfB.size());
        assertThat(parsedByAInFirstBatch + parsedByBInFirstBatch).as("parsed by both").isEqualTo(FIRST_BATCH);
        assertThat(a).as("instance A: nothing skipped or dead-lettered").containsEntry("skipped", 0.0)
                .containsEntry("failed", 0.0);
        assertThat(b).as("instance B: nothing skipped or dead-lettered").containsEntry("skipped", 0.0)
                .containsEntry("failed", 0.0);
        // and their logs name the same split
        List<String> publishedByA = published(parserA);
        List<String> publishedByB = published(parserB);
        assertThat(publishedByA).as("documents instance A published").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(onPartitionsOfA);
        assertThat(publishedByB).as("documents instance B published").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(onPartitionsOfB);

        endOffsetsAfterFirstBatch = rawEndOffsets();
        assertThat(storedPositions()).as("consumer_offsets in MongoDB: every partition done to its end")
                .isEqualTo(endOffsetsAfterFirstBatch);
        assertThat(List.of(parserA.healthStatus(), parserB.healthStatus())).as("health of A and B").containsOnly("UP");
    }

    @Test
    @Order(2)
    void whenOneInstanceIsKilledTheOtherTakesOverItsPartitionsWhereItLeftOffAndStoresTheRestOnce() throws Exception {
        assertThat(partitionsOfA).as("the first test ran and saw A's partitions").isNotNull();
        long pidOfB = parserB.pid();
        parserA.kill();
        assertThat(parserA.isAlive()).as("instance A after SIGKILL").isFalse();
        long killed = System.nanoTime();

        // uploaded at once: those on A's partitions wait until the group has declared A's consumers dead
        upload(SampleVariants.variants(FIRST_BATCH + 1, SECOND_BATCH));
        await("instance B alone in the group with all partitions").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().untilAsserted(() -> {
                    ConsumerGroupDescription group = describeGroup();
                    assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
                    assertThat(partitionsByClient(group)).isEqualTo(Map.of(CLIENT_B + "-0", allPartitions()));
                });
        System.out.printf("two-parser-instances: instance B holds every partition %d ms after A was killed%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        awaitEverythingStoredAndConsumed();
        System.out.printf("two-parser-instances: %d more documents stored %d ms after A was killed%n",
                SECOND_BATCH, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));

        assertThat(parserB.pid()).as("instance B was not restarted").isEqualTo(pidOfB);
        assertThat(parserB.starts()).isEqualTo(1);
        List<TopicRecord> raw = observer.readAll(Topics.RAW);
        assertThat(raw).extracting(TopicRecord::key).hasSize(FIRST_BATCH + SECOND_BATCH).doesNotHaveDuplicates();
        List<TopicRecord> secondBatchOnPartitionsOfA = raw.stream()
                .filter(r -> partitionsOfA.contains(r.partition()) && r.offset() >= endOffsetsAfterFirstBatch.get(r.partition()))
                .toList();
        assertThat(secondBatchOnPartitionsOfA).as("documents of the second batch on A's partitions (for B to take over)")
                .isNotEmpty();

        // B resumed A's partitions at the stored positions: where A had got to, nothing before them again
        Map<Integer, Long> resumedAt = new TreeMap<>();
        Matcher seek = SEEK.matcher(parserB.outputOfThisStart());
        while (seek.find()) {
            resumedAt.put(Integer.parseInt(seek.group(1)), Long.parseLong(seek.group(2)));
        }
        for (int partition : partitionsOfA) {
            assertThat(resumedAt.get(partition)).as("offset at which B resumed A's partition %d", partition)
                    .isEqualTo(endOffsetsAfterFirstBatch.get(partition));
        }

        assertEveryDocumentStoredOnce();
        assertOneParsedEventPerDocument();
        Map<String, Double> b = documentsTotals(parserB);
        System.out.printf("two-parser-instances: kamerqa_parser_documents_total B %s%n", b);
        assertThat(b.get("parsed").longValue()).as("documents parsed by B: its first share plus the whole second batch")
                .isEqualTo(parsedByBInFirstBatch + SECOND_BATCH);
        assertThat(parsedByAInFirstBatch + b.get("parsed").longValue()).as("parsed by both")
                .isEqualTo(FIRST_BATCH + SECOND_BATCH);
        assertThat(b).as("instance B: nothing parsed again (skipped) or dead-lettered").containsEntry("skipped", 0.0)
                .containsEntry("failed", 0.0);
        List<String> publishedByB = published(parserB);
        assertThat(publishedByB).as("documents instance B published").doesNotHaveDuplicates()
                .hasSize((int) parsedByBInFirstBatch + SECOND_BATCH)
                .doesNotContainAnyElementsOf(published(parserA));
        assertThat(new HashSet<>(published(parserA)).size() + publishedByB.size()).isEqualTo(FIRST_BATCH + SECOND_BATCH);
        assertThat(storedPositions()).as("consumer_offsets in MongoDB: every partition done to its end")
                .isEqualTo(rawEndOffsets());
        assertThat(parserB.healthStatus()).isEqualTo("UP");
    }

    // ---------------------------------------------------------------- uploads and waiting

    private void upload(List<Report> reports) throws Exception {
        reports.forEach(r -> {
            expected.put(r.documentId(), r.questions());
            expectedSha256.put(r.documentId(), r.input().sha256());
        });
        Uploader uploader = new Uploader(stack.ingest.url(), FaultStack.API_KEY, GoodBatch.RETRY_AFTER_CAP,
                GoodBatch.MAX_ATTEMPTS);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Upload>> uploads = new ArrayList<>();
            reports.forEach(r -> uploads.add(threads.submit(() -> uploader.send(r.input()))));
            for (int i = 0; i < reports.size(); i++) {
                Upload upload = uploads.get(i).get(5, TimeUnit.MINUTES);
                assertThat(upload.status()).as("upload of %s: %s", reports.get(i).input(), upload.body()).isEqualTo(202);
                assertThat(upload.documentId()).as("id of %s", reports.get(i).input())
                        .isEqualTo(reports.get(i).documentId());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Every upload so far stored with its questions and the parser group's lag 0. */
    private void awaitEverythingStoredAndConsumed() {
        await(expected.size() + " documents stored and the raw topic consumed").atMost(WAIT)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(observer.storedCorrectly(expected)).isEqualTo(expected.size());
                    assertThat(observer.parserLag()).isZero();
                });
    }

    // ---------------------------------------------------------------- what the pipeline holds

    /** MongoDB holds exactly the uploads, each once under its id with its content and its questions, nothing else. */
    private void assertEveryDocumentStoredOnce() {
        Map<String, StoredDocument> stored = observer.storedDocuments();
        assertThat(stored.keySet()).as("ids in documents").containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(stored.values()).extracting(StoredDocument::contentSha256).as("contents stored")
                .doesNotHaveDuplicates().hasSize(expected.size());
        stored.values().forEach(d -> {
            assertThat(d.contentSha256()).as("content of %s", d.id()).isEqualTo(expectedSha256.get(d.id()));
            assertThat(d.questionCount()).as("questionCount of %s", d.id()).isEqualTo(expected.get(d.id()));
        });
        Map<String, Long> questions = observer.questionsPerDocument();
        Map<String, Long> wanted = expected.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue()));
        assertThat(questions).as("question records per document (none twice, none of another document)")
                .isEqualTo(wanted);
        assertThat(observer.readAll(Topics.RAW_DLT)).as("dead letters").isEmpty();
    }

    /** The parsed topic from the beginning, with a fresh consumer: exactly one event per document. */
    private void assertOneParsedEventPerDocument() {
        List<TopicRecord> parsed = observer.readAll(Topics.PARSED);
        assertThat(parsed).extracting(TopicRecord::key).as("keys of the parsed events")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(parsed).extracting(p -> p.header(CloudEventHeaders.ID)).as("ce_id of the parsed events")
                .doesNotContainNull().doesNotHaveDuplicates().hasSize(expected.size());
    }

    private static Set<String> keysOn(List<TopicRecord> records, Set<Integer> partitions) {
        return records.stream().filter(r -> partitions.contains(r.partition())).map(TopicRecord::key)
                .collect(Collectors.toSet());
    }

    /** kamerqa_parser_documents_total of one instance, by outcome (parsed, skipped, failed). */
    private Map<String, Double> documentsTotals(ServiceProcess parser) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(parser.url().resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s /actuator/prometheus", parser.name()).isEqualTo(200);
        Map<String, Double> totals = new TreeMap<>();
        Matcher line = DOCUMENTS_TOTAL.matcher(response.body());
        while (line.find()) {
            Matcher outcome = OUTCOME.matcher(line.group(1));
            if (outcome.find()) {
                totals.merge(outcome.group(1), Double.parseDouble(line.group(2)), Double::sum);
            }
        }
        assertThat(totals).as("%s: kamerqa_parser_documents_total", parser.name())
                .containsKeys("parsed", "skipped", "failed");
        return totals;
    }

    /** Document ids in the instance's {@code stage=published} log lines, one per document it stored and published. */
    private static List<String> published(ServiceProcess parser) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = PUBLISHED.matcher(parser.outputOfThisStart());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    // ---------------------------------------------------------------- the group, the topic and consumer_offsets

    private ConsumerGroupDescription describeGroup() throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP)).all().get(30, TimeUnit.SECONDS).get(GROUP);
    }

    /** Client id to the raw-topic partitions its consumer holds (a member without any is listed with none). */
    private static Map<String, Set<Integer>> partitionsByClient(ConsumerGroupDescription group) {
        Map<String, Set<Integer>> byClient = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            Set<Integer> partitions = byClient.computeIfAbsent(member.clientId(), c -> new TreeSet<>());
            member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(Topics.RAW))
                    .forEach(p -> partitions.add(p.partition()));
        }
        return byClient;
    }

    private static Set<Integer> partitionsOf(Map<String, Set<Integer>> byClient, String instanceClientId) {
        return byClient.entrySet().stream().filter(e -> e.getKey().startsWith(instanceClientId + "-"))
                .flatMap(e -> e.getValue().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> allPartitions() {
        Set<Integer> all = new TreeSet<>();
        for (int p = 0; p < RAW_PARTITIONS; p++) {
            all.add(p);
        }
        return all;
    }

    private Map<Integer, Long> rawEndOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.RAW)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(Topics.RAW).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(Topics.RAW, p.partition()), p -> OffsetSpec.latest()));
        assertThat(latest).as("partitions of %s", Topics.RAW).hasSize(RAW_PARTITIONS);
        Map<Integer, Long> end = new TreeMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> end.put(partition.partition(), info.offset()));
        return end;
    }

    /** The group's entries in parser-service's {@code consumer_offsets} collection: raw partition to next offset. */
    private Map<Integer, Long> storedPositions() {
        Map<Integer, Long> positions = new TreeMap<>();
        for (Document entry : mongo.getDatabase("kamerqa").getCollection("consumer_offsets")
                .find(eq("group", GROUP))) {
            if (Topics.RAW.equals(entry.getString("topic"))) {
                positions.put(entry.get("partition", Number.class).intValue(),
                        entry.get("nextOffset", Number.class).longValue());
            }
        }
        return positions;
    }
}
