package nl.kamerqa.localstack.faults;

import nl.kamerqa.contracts.CloudEventHeaders;
import nl.kamerqa.contracts.Topics;
import nl.kamerqa.localstack.faults.Observer.StoredDocument;
import nl.kamerqa.localstack.faults.Observer.TopicRecord;
import nl.kamerqa.localstack.faults.ReportDocuments.Report;
import nl.kamerqa.localstack.faults.Uploader.Upload;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch of good reports uploaded in the background while a scenario injects its fault, then the account: what
 * ingest answered, what MongoDB and query-service hold, what is on the parsed and dead-letter topics.
 */
final class GoodBatch implements AutoCloseable {

    static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(3);
    // 429s (the upload rate limit: burst 60, then 120 a minute) count too
    static final int MAX_ATTEMPTS = 100;

    private final FaultStack stack;
    private final Observer observer;
    private final List<Report> reports;
    private final Map<String, Integer> expectedQuestions = new LinkedHashMap<>();
    private final ExecutorService uploaders;
    final Uploader uploader;
    private final List<Future<Upload>> futures = new ArrayList<>();
    private List<Upload> uploads;

    GoodBatch(FaultStack stack, Observer observer, List<Report> reports, int threads) {
        this.stack = stack;
        this.observer = observer;
        this.reports = reports;
        reports.forEach(r -> expectedQuestions.put(r.documentId(), r.questions()));
        this.uploaders = Executors.newFixedThreadPool(threads);
        this.uploader = new Uploader(stack.ingest.url(), FaultStack.API_KEY, RETRY_AFTER_CAP, MAX_ATTEMPTS);
    }

    void start() {
        for (Report report : reports) {
            futures.add(uploaders.submit(() -> uploader.send(report.input())));
        }
    }

    /** Documents stored with exactly their questions so far. */
    long storedSoFar() {
        return observer.storedCorrectly(expectedQuestions);
    }

    /**
     * Waits for every upload's final answer, then for every document to be stored and the parser's group to have
     * committed the whole raw topic (so the figures are final). Returns normally on a timeout too: the figures then
     * show what is missing and the assertions fail with them.
     */
    void awaitOutcome(Duration atMost) throws Exception {
        List<Upload> done = new ArrayList<>();
        for (Future<Upload> f : futures) {
            done.add(f.get(atMost.toMillis(), TimeUnit.MILLISECONDS));
        }
        uploads = List.copyOf(done);
        try {
            await("all accepted documents stored and the raw topic consumed").atMost(atMost)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> storedSoFar() == uploads.stream().filter(u -> u.accepted() || u.duplicate()).count()
                            && observer.parserDrained());
        } catch (ConditionTimeoutException e) {
            System.out.println("faults: " + stack.scenario + ": " + e.getMessage());
        }
    }

    List<Upload> uploads() {
        return uploads;
    }

    /** The account of the batch; {@code more} is appended to the figures line. */
    Figures figures(Map<String, Object> more) throws Exception {
        Map<String, StoredDocument> stored = observer.storedDocuments();
        Map<String, Long> questions = observer.questionsPerDocument();
        List<TopicRecord> parsed = observer.readAll(Topics.PARSED);
        List<TopicRecord> deadLetters = observer.readAll(Topics.RAW_DLT);
        List<TopicRecord> raw = observer.readAll(Topics.RAW);

        int accepted = (int) uploads.stream().filter(Upload::accepted).count();
        int duplicates = (int) uploads.stream().filter(Upload::duplicate).count();
        int rejected = (int) uploads.stream().filter(Upload::clientError).count();
        int gaveUp = (int) uploads.stream().filter(Upload::gaveUp).count();
        int retried503 = uploads.stream().mapToInt(Upload::unavailable).sum();

        int storedOk = (int) observer.storedCorrectly(expectedQuestions);
        int duplicatedDocuments = duplicatedDocuments(stored);
        int duplicatedQuestions = duplicatedQuestions(stored, questions);
        Set<String> deadLetteredKeys = deadLetters.stream().map(TopicRecord::key).collect(Collectors.toSet());
        int lost = (int) reports.stream().filter(r -> !isStoredCorrectly(r, stored, questions)).count();

        int queryable = 0;
        for (Report r : reports) {
            if (observer.questionsServed(r.documentId()) == r.questions()
                    && observer.questionsListed(r.documentId()) == r.questions()) {
                queryable++;
            }
        }
        Observer.Listing listing = observer.documentsListed();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("queryable", queryable);
        figures.put("listed", listing.total());
        figures.put("retried-503", retried503);
        figures.put("retried-429", uploads.stream().mapToInt(Upload::rateLimited).sum());
        figures.put("gave-up", gaveUp);
        figures.put("raw-events", raw.size());
        // the same document published twice (e.g. a retried upload whose first publish did reach the broker)
        figures.put("raw-duplicates", raw.size() - raw.stream().map(TopicRecord::key).distinct().count());
        figures.put("parsed-events", parsed.size());
        figures.put("distinct-ce_id", parsed.stream().map(p -> p.header(CloudEventHeaders.ID)).distinct().count());
        figures.put("duplicated-documents", duplicatedDocuments);
        figures.put("duplicated-questions", duplicatedQuestions);
        figures.put("dead-lettered-ours", reports.stream().filter(r -> deadLetteredKeys.contains(r.documentId())
                || uploads.stream().anyMatch(u -> u.input() == r.input() && deadLetteredKeys.contains(u.documentId())))
                .count());
        figures.putAll(more);
        return new Figures(stack.scenario, reports.size(), accepted, duplicates, rejected, storedOk, 0,
                duplicatedDocuments + duplicatedQuestions, deadLetters.size(), lost, figures);
    }

    /** The scenario's promise: all stored and queryable, none twice, nothing dead-lettered, parsed events one per document. */
    void assertNothingLostNothingTwice(Figures f) throws Exception {
        List<TopicRecord> parsed = observer.readAll(Topics.PARSED);
        List<TopicRecord> deadLetters = observer.readAll(Topics.RAW_DLT);
        assertThat(uploads).as("uploads without a final answer after %d attempts", MAX_ATTEMPTS)
                .noneMatch(Upload::gaveUp);
        assertThat(uploads).as("every upload answered 202 (or 200 DUPLICATE after a retry)")
                .allMatch(u -> u.accepted() || u.duplicate());
        assertThat(deadLetters).as("dead letters (reasons)")
                .extracting(d -> d.key() + ": " + d.header("kamerqa_dlt_reason")).isEmpty();
        assertThat(f.lost()).as("documents not stored with their questions: %s", missing()).isZero();
        assertThat(f.stored()).isEqualTo(reports.size());
        assertThat(f.duplicated()).as("documents stored twice or questions duplicated").isZero();
        assertThat(f.more().get("queryable")).as("documents query-service serves with all their questions")
                .isEqualTo(reports.size());
        assertThat(f.more().get("listed")).as("total of GET /api/documents").isEqualTo(reports.size());
        // redelivery may publish a parsed event again, but only as the same event
        Map<String, Set<String>> ceIdsByKey = new LinkedHashMap<>();
        parsed.forEach(p -> ceIdsByKey.computeIfAbsent(p.key(), k -> new HashSet<>()).add(p.header(CloudEventHeaders.ID)));
        assertThat(ceIdsByKey.keySet()).as("keys of parsed events").containsExactlyInAnyOrderElementsOf(expectedQuestions.keySet());
        assertThat(ceIdsByKey).as("documents published with more than one ce_id")
                .allSatisfy((key, ids) -> assertThat(ids).as(key).hasSize(1));
        assertThat(parsed.stream().map(p -> p.header(CloudEventHeaders.ID)).distinct().count())
                .as("distinct ce_id on the parsed topic").isEqualTo(reports.size());
    }

    private List<String> missing() {
        try {
            Map<String, StoredDocument> stored = observer.storedDocuments();
            Map<String, Long> questions = observer.questionsPerDocument();
            return reports.stream().filter(r -> !isStoredCorrectly(r, stored, questions))
                    .map(r -> r.documentId() + (stored.containsKey(r.documentId())
                            ? " (stored with " + stored.get(r.documentId()).questionCount() + "/"
                            + questions.getOrDefault(r.documentId(), 0L) + " questions)" : " (absent)"))
                    .limit(20).toList();
        } catch (RuntimeException e) {
            return List.of("could not read MongoDB: " + e);
        }
    }

    private static boolean isStoredCorrectly(Report r, Map<String, StoredDocument> stored, Map<String, Long> questions) {
        StoredDocument d = stored.get(r.documentId());
        return d != null && d.questionCount() == r.questions()
                && questions.getOrDefault(r.documentId(), 0L) == r.questions()
                && r.input().sha256().equals(d.contentSha256());
    }

    /** The same content stored under more than one id (e.g. a leftover {@code sha256:} document next to the official one). */
    static int duplicatedDocuments(Map<String, StoredDocument> stored) {
        long distinctContents = stored.values().stream().map(StoredDocument::contentSha256).distinct().count();
        return (int) (stored.size() - distinctContents);
    }

    /** Question records beyond what their documents say they have, including questions of no stored document. */
    static int duplicatedQuestions(Map<String, StoredDocument> stored, Map<String, Long> questions) {
        return questionsBeyondTheirDocument(stored, questions) + orphanQuestions(stored, questions);
    }

    /** Question records beyond what their stored document says it has. */
    static int questionsBeyondTheirDocument(Map<String, StoredDocument> stored, Map<String, Long> questions) {
        int extra = 0;
        for (Map.Entry<String, Long> e : questions.entrySet()) {
            StoredDocument d = stored.get(e.getKey());
            if (d != null) {
                extra += (int) Math.max(0, e.getValue() - d.questionCount());
            }
        }
        return extra;
    }

    /** Question records of no stored document (questions are written first, the document last). */
    static int orphanQuestions(Map<String, StoredDocument> stored, Map<String, Long> questions) {
        return (int) questions.entrySet().stream().filter(e -> !stored.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public void close() {
        uploaders.shutdownNow();
    }
}
