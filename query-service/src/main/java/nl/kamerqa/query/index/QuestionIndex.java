package nl.kamerqa.query.index;

import nl.kamerqa.contracts.ParsedDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Lucene index and the topic position it reflects. Every commit carries, in its commit user data, the schema
 * version, the topic and the next offset of each partition, so the index and its position are written together
 * atomically: after a crash the index is exactly as of some commit and the feeder resumes at that commit's offsets.
 * Re-applying records after the commit is harmless, since each document replaces all its entries
 * ({@link IndexWriter#updateDocuments} on the documentId).
 * <p>
 * Batches come from one thread (the feeder), which spreads a batch's documents over a few indexing threads
 * ({@link IndexWriter} takes documents from several threads at once); searches come from any thread, through a
 * {@link SearcherManager} refreshed after every batch (near-real-time: searchable before the next commit).
 */
public class QuestionIndex implements Closeable {

    static final String SCHEMA_KEY = "kamerqa.schema";
    static final String TOPIC_KEY = "kamerqa.topic";
    static final String OFFSET_KEY_PREFIX = "kamerqa.offset.";

    private static final Logger log = LoggerFactory.getLogger(QuestionIndex.class);
    private static final java.time.Duration REPLAY_REFRESH = java.time.Duration.ofSeconds(1);

    /** One record of the topic: a document's latest version, or its removal (a tombstone, document null). */
    public record Change(String documentId, ParsedDocument document, Instant publishedAt) {
    }

    /** A search run on one point-in-time view of the index. */
    @FunctionalInterface
    public interface Search<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexEntries entries;
    private final String topic;
    private final Map<Integer, Long> startOffsets;
    private volatile Map<Integer, Long> committedOffsets;
    private Map<Integer, Long> appliedOffsets;
    private boolean dirty;
    private long lastRefresh = System.nanoTime();
    private volatile int clears;
    private final ExecutorService indexing;
    private final int threads;

    /** @param threads how many threads index a batch's documents at the same time */
    public QuestionIndex(Path path, String topic, IndexEntries entries, int threads) throws IOException {
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        this.entries = entries;
        this.topic = topic;
        IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false); // only commits with offsets, written by this class
        this.writer = new IndexWriter(directory, config);
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> stored = writer.getLiveCommitData();
        if (stored != null) {
            stored.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        Map<Integer, Long> offsets = offsetsOf(data);
        String schema = data.get(SCHEMA_KEY);
        if (!Integer.toString(IndexFields.SCHEMA_VERSION).equals(schema) || !topic.equals(data.get(TOPIC_KEY))) {
            if (schema != null) {
                log.info("Search index at {} has schema {} of topic {}, wanted {} of {}: rebuilding from the topic",
                        path, schema, data.get(TOPIC_KEY), IndexFields.SCHEMA_VERSION, topic);
            }
            writer.deleteAll();
            offsets = Map.of();
            commit(offsets);
        }
        this.startOffsets = Map.copyOf(offsets);
        this.committedOffsets = Map.copyOf(offsets);
        this.appliedOffsets = new TreeMap<>(offsets);
        this.searchers = new SearcherManager(writer, null);
        this.threads = threads;
        this.indexing = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "query-index-writer");
            thread.setDaemon(true);
            return thread;
        });
        log.info("Search index at {} opened at offsets {} of {}", path, offsets, topic);
    }

    /** The next offset to read per partition, as of the last batch applied (what the feeder resumes from). */
    public synchronized Map<Integer, Long> appliedOffsets() {
        return Map.copyOf(appliedOffsets);
    }

    /** The offsets in the last commit: what a restart after a crash would resume from. */
    public Map<Integer, Long> committedOffsets() {
        return committedOffsets;
    }

    /** How often the index was emptied for a rebuild since it was opened. */
    public int clears() {
        return clears;
    }

    /** The offsets the index was opened at (empty for a new or rebuilt index). */
    public Map<Integer, Long> startOffsets() {
        return startOffsets;
    }

    /**
     * Applies a batch; the offsets are those after the batch. A batch that catches up with the topic is searchable
     * at once; while replaying, the searcher is refreshed at most every {@link #REPLAY_REFRESH} (a refresh per batch
     * would write a tiny segment each time).
     */
    public synchronized void apply(List<Change> changes, Map<Integer, Long> nextOffsets, boolean caughtUp)
            throws IOException {
        // the latest change of each document only: the rest can then go in any order, on several threads
        Map<String, Change> latest = new LinkedHashMap<>();
        changes.forEach(change -> latest.put(change.documentId(), change));
        List<Change> work = new ArrayList<>(latest.values());
        List<Future<?>> parts = new ArrayList<>();
        int slices = Math.min(threads, work.size());
        for (int slice = 0; slice < slices; slice++) {
            int first = slice;
            parts.add(indexing.submit(() -> {
                for (int i = first; i < work.size(); i += slices) {
                    write(work.get(i));
                }
                return null;
            }));
        }
        for (Future<?> part : parts) {
            awaitPart(part);
        }
        appliedOffsets.putAll(nextOffsets);
        writer.setLiveCommitData(commitData(appliedOffsets).entrySet());
        dirty = true;
        if (caughtUp || System.nanoTime() - lastRefresh > REPLAY_REFRESH.toNanos()) {
            searchers.maybeRefreshBlocking();
            lastRefresh = System.nanoTime();
        }
    }

    private void write(Change change) throws IOException {
        Term key = new Term(IndexFields.DOCUMENT_ID, change.documentId());
        if (change.document() == null) {
            writer.deleteDocuments(key);
            return;
        }
        List<Document> built = new ArrayList<>();
        for (Document entry : entries.of(change.document(), change.publishedAt())) {
            built.add(IndexFields.FACETS_CONFIG.build(entry));
        }
        writer.updateDocuments(key, built);
    }

    private static void awaitPart(Future<?> part) throws IOException {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while indexing a batch");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("indexing a batch failed", e.getCause());
        }
    }

    /** Writes the applied batches and their offsets to disk, if anything changed since the last commit. */
    public synchronized void commit() throws IOException {
        if (dirty) {
            commit(appliedOffsets);
            searchers.maybeRefreshBlocking(); // what a replay applied since its last refresh
        }
    }

    /** Empties the index and its offsets (a rebuild then replays the topic from its start). */
    public synchronized void clear() throws IOException {
        clears++;
        writer.deleteAll();
        appliedOffsets = new TreeMap<>();
        commit(appliedOffsets);
        searchers.maybeRefreshBlocking();
    }

    public <T> T search(Search<T> search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.on(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreadable", e);
        }
    }

    /** Index files on disk, in bytes. */
    public long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            try {
                total += directory.fileLength(file);
            } catch (IOException e) {
                // a file merged away between listing and measuring: not part of the index any more
            }
        }
        return total;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            commit();
        } finally {
            indexing.shutdownNow();
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    private void commit(Map<Integer, Long> offsets) throws IOException {
        writer.setLiveCommitData(commitData(offsets).entrySet());
        writer.commit();
        committedOffsets = Map.copyOf(offsets);
        dirty = false;
    }

    private Map<String, String> commitData(Map<Integer, Long> offsets) {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, Integer.toString(IndexFields.SCHEMA_VERSION));
        data.put(TOPIC_KEY, topic);
        offsets.forEach((partition, offset) -> data.put(OFFSET_KEY_PREFIX + partition, Long.toString(offset)));
        return data;
    }

    static Map<Integer, Long> offsetsOf(Map<String, String> data) {
        Map<Integer, Long> offsets = new TreeMap<>();
        data.forEach((key, value) -> {
            if (key.startsWith(OFFSET_KEY_PREFIX)) {
                offsets.put(Integer.parseInt(key.substring(OFFSET_KEY_PREFIX.length())), Long.parseLong(value));
            }
        });
        return offsets;
    }
}
