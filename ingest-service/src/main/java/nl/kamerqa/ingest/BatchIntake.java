package nl.kamerqa.ingest;

import nl.kamerqa.ingest.config.KamerqaProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes in many documents at once (a backfill's batch upload). Each goes through {@link DocumentIntake} as if it
 * were uploaded alone (same checks, ids, versions, ledger and metrics), but they are published concurrently and the
 * answer waits until the broker acknowledged every one of them.
 *
 * <p>Documents whose order matters share a lane and are taken in one after another, in the order they were sent:
 * the same bytes twice (the second is then a duplicate of the first instead of being published as well, since the
 * ledger is written only after the broker's acknowledgement) and the same official id from their file names (so
 * its versions follow the order of the batch). Lanes run at the same time on a pool of
 * {@code kamerqa.ingest.batch.concurrency} threads shared by all batches.
 */
@Service
public class BatchIntake implements DisposableBean {

    private final DocumentIntake intake;
    private final ExecutorService pool;

    public BatchIntake(DocumentIntake intake, KamerqaProperties properties) {
        this.intake = intake;
        this.pool = Executors.newFixedThreadPool(properties.ingest().batch().concurrency(), threads());
    }

    /**
     * What became of one document of a batch.
     *
     * @param status        ACCEPTED or DUPLICATE as for a single upload; REJECTED for what a single upload answers
     *                      4xx (sending it again will not help); FAILED when broker or store were away (send again)
     * @param documentId    the id it is published under; null when rejected or failed
     * @param contentSha256 lower-case hex SHA-256 of its bytes; null when it is empty
     * @param contentType   the type sniffed from its bytes; null when rejected or failed
     * @param reason        why it was rejected, else {@link IngestMetrics.Reason#NONE}
     * @param detail        what went wrong, for people; null when taken in
     */
    public record Outcome(Status status, String documentId, String contentSha256, String contentType,
                          IngestMetrics.Reason reason, String detail) {

        public enum Status { ACCEPTED, DUPLICATE, REJECTED, FAILED }

        static Outcome taken(IntakeResult result) {
            return new Outcome(result.status() == IntakeResult.Status.ACCEPTED ? Status.ACCEPTED : Status.DUPLICATE,
                    result.documentId(), result.contentSha256(), result.contentType(), IngestMetrics.Reason.NONE, null);
        }
    }

    /**
     * @return one outcome per document, in the order given; only after every publication was acknowledged or failed
     */
    public List<Outcome> acceptAll(List<IncomingDocument> documents) {
        String[] shas = documents.stream()
                .map(d -> d.content().length == 0 ? null : DocumentIntake.sha256Hex(d.content()))
                .toArray(String[]::new);
        Outcome[] outcomes = new Outcome[documents.size()];
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (List<Integer> lane : lanes(documents, shas)) {
            running.add(CompletableFuture.runAsync(() -> lane.forEach(i ->
                    outcomes[i] = accept(documents.get(i), shas[i])), pool));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // not a rejection nor an outage (those are outcomes): a bug, answered as such
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return Arrays.asList(outcomes);
    }

    private Outcome accept(IncomingDocument document, String sha) {
        try {
            return Outcome.taken(intake.accept(document));
        } catch (DocumentRejectedException e) {
            return new Outcome(Outcome.Status.REJECTED, null, sha, null, IngestMetrics.Reason.of(e.reason()),
                    e.getMessage());
        } catch (IntakeUnavailableException e) {
            return new Outcome(Outcome.Status.FAILED, null, sha, null, IngestMetrics.Reason.NONE, e.getMessage());
        }
    }

    /**
     * The documents' indexes grouped so that documents with the same bytes or the same official id are in one
     * lane, in their order; a union-find over the indexes, joined through the keys they share.
     */
    static List<List<Integer>> lanes(List<IncomingDocument> documents, String[] shas) {
        int[] parent = new int[documents.size()];
        Arrays.setAll(parent, i -> i);
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            IncomingDocument document = documents.get(i);
            List<String> keys = new ArrayList<>();
            if (shas[i] != null) {
                keys.add(shas[i]);
                String id = DocumentIds.derive(document.documentId(), document.filename(), shas[i]);
                if (DocumentIds.isOfficial(id)) {
                    keys.add(id);
                }
            }
            for (String key : keys) {
                Integer earlier = firstWithKey.putIfAbsent(key, i);
                if (earlier != null) {
                    parent[root(parent, i)] = root(parent, earlier);
                }
            }
        }
        Map<Integer, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            lanes.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        return List.copyOf(lanes.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "batch-intake-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
