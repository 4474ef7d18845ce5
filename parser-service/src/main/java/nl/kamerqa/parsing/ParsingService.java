package nl.kamerqa.parsing;

import nl.kamerqa.support.LogValues;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parsing.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Raw documents in, stored and published parsed documents out, a batch at a time: each raw document is parsed on
 * its own, but the batch's results are written with one bulk write per collection, their events sent together and
 * their acknowledgements awaited together, which is what makes a backfill fast. Idempotent: replaying a raw event
 * whose content was already parsed, stored and published by this parser version does nothing.
 *
 * <p>A batch is cut into groups in which no documentId and no content hash occurs twice, and the groups are handled
 * in order, so two versions of one document in the same batch end as they would one after the other.
 */
public class ParsingService {

    /** MDC key set while a raw document is handled, so every log line about it (JSON logs included) names it. */
    public static final String MDC_DOCUMENT_ID = "documentId";

    private static final Logger log = LoggerFactory.getLogger(ParsingService.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public enum Outcome { PARSED, SKIPPED }

    private final RawDocumentParser parser;
    private final DocumentStore store;
    private final ParsedDocumentPublisher publisher;
    private final ParserMetrics metrics;
    private final String parserVersion;
    private final DeliveryTraces traces;

    public ParsingService(RawDocumentParser parser, DocumentStore store, ParsedDocumentPublisher publisher,
                          ParserMetrics metrics) {
        this(parser, store, publisher, metrics, DeliveryTraces.NONE);
    }

    public ParsingService(RawDocumentParser parser, DocumentStore store, ParsedDocumentPublisher publisher,
                          ParserMetrics metrics, DeliveryTraces traces) {
        this.parser = parser;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.parserVersion = QaParser.VERSION;
        this.traces = traces;
    }

    /**
     * One raw document; see {@link #processAll(List)}.
     *
     * @throws InvalidRawDocumentException the event is unusable (not retryable), or whatever else stopped it
     */
    public Outcome process(RawDocument raw, Origin origin) {
        try {
            return processAll(List.of(new Delivery(raw, origin))).get(0);
        } catch (BatchStoppedException e) {
            throw e.getCause();
        }
    }

    /**
     * Parses, stores and publishes every delivery, in order; returns only when MongoDB and the parsed topic both have
     * every result, so the caller may then record the batch as consumed. Logs one {@code key=value} line per stage
     * each document reaches (skipped, or parsed/failed, stored, published), each with documentId and outcome.
     *
     * @return the outcome of each delivery, in the order given
     * @throws BatchStoppedException when a delivery failed: those before it are done, it and the rest are not
     */
    public List<Outcome> processAll(List<Delivery> deliveries) {
        List<Outcome> outcomes = new ArrayList<>(deliveries.size());
        Group group = new Group(0);
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            String contentSha256;
            try {
                contentSha256 = validate(delivery.raw());
            } catch (InvalidRawDocumentException e) {
                logFailed(delivery.raw(), e);
                outcomes.addAll(finish(group, deliveries));
                throw new BatchStoppedException(i, e);
            }
            String documentId = delivery.raw().documentId();
            if (!group.accepts(documentId, contentSha256)) {
                outcomes.addAll(finish(group, deliveries));
                group = new Group(i);
            }
            group.add(documentId, contentSha256);
        }
        outcomes.addAll(finish(group, deliveries));
        return outcomes;
    }

    /** Skips what is current, parses the rest, then stores and publishes the group's results together. */
    private List<Outcome> finish(Group group, List<Delivery> deliveries) {
        if (group.size() == 0) {
            return List.of();
        }
        Set<String> current;
        try {
            current = store.currentContents(group.contentHashes, parserVersion);
        } catch (RuntimeException e) {
            throw new BatchStoppedException(group.start, e);
        }
        List<Outcome> outcomes = new ArrayList<>(group.size());
        List<StoredResult> results = new ArrayList<>(group.size());
        List<Integer> resultIndexes = new ArrayList<>(group.size());
        for (int k = 0; k < group.size(); k++) {
            int index = group.start + k;
            Delivery delivery = deliveries.get(index);
            String contentSha256 = group.contentHashes.get(k);
            RuntimeException failure = null;
            try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_DOCUMENT_ID, delivery.raw().documentId())) {
                if (current.contains(contentSha256)) {
                    traces.within(delivery.origin(), () -> {
                        logSkipped(delivery, contentSha256);
                        return null;
                    });
                    outcomes.add(Outcome.SKIPPED);
                    continue;
                }
                try {
                    // in the raw record's trace: the parse's log lines carry the upload's traceId
                    results.add(traces.within(delivery.origin(), () -> parse(delivery, contentSha256)));
                    resultIndexes.add(index);
                    outcomes.add(Outcome.PARSED);
                } catch (RuntimeException e) {
                    if (e instanceof ParserFailedException || e instanceof UnsupportedDocumentException) {
                        traces.within(delivery.origin(), () -> {
                            logFailed(delivery.raw(), e);
                            return null;
                        });
                    }
                    failure = e;
                }
            }
            if (failure != null) {
                // the deliveries before it are finished first, outside its MDC scope: their lines name themselves
                storeAndPublish(results, resultIndexes);
                countSkipped(outcomes);
                throw new BatchStoppedException(index, failure);
            }
        }
        storeAndPublish(results, resultIndexes);
        countSkipped(outcomes);
        return outcomes;
    }

    private StoredResult parse(Delivery delivery, String contentSha256) {
        RawDocument raw = delivery.raw();
        Origin origin = delivery.origin();
        ParsedDocument parsed = metrics.timeParse(() -> parser.parse(raw));
        ParsedDocument document = parsed
                .withDocumentId(DocumentIds.choose(raw.documentId(), parsed.documentId()))
                .withProvenance(new ParsedDocument.Provenance(origin.topic(), origin.partition(), origin.offset(),
                        contentSha256, raw.source()));
        log.info("stage=parsed documentId={} rawDocumentId={} outcome=parsed questions={} warnings={} genre={}",
                document.documentId(), raw.documentId(), document.questions().size(), document.warnings().size(),
                document.genre());
        return new StoredResult(document, contentSha256, parserVersion);
    }

    /**
     * Stores, publishes and marks the results together. When that fails, they are tried one at a time, so the failure
     * stops the batch at the delivery whose result caused it (an event too large for the broker, a write error on
     * its data), not at an innocent one; during an outage the first of them fails again and is retried.
     * Everything is idempotent, so what the failed attempt did is simply done again.
     *
     * @param indexes the index of each result's delivery in the batch
     */
    private void storeAndPublish(List<StoredResult> results, List<Integer> indexes) {
        if (results.isEmpty()) {
            return;
        }
        try {
            storeAndPublishTogether(results);
        } catch (RuntimeException together) {
            if (results.size() == 1) {
                throw new BatchStoppedException(indexes.get(0), together);
            }
            log.warn("stage=stored outcome=retrying-one-by-one documents={} detail={}", results.size(),
                    LogValues.quoted(together.toString()));
            for (int k = 0; k < results.size(); k++) {
                try {
                    storeAndPublishTogether(List.of(results.get(k)));
                } catch (RuntimeException alone) {
                    throw new BatchStoppedException(indexes.get(k), alone);
                }
            }
        }
    }

    private void storeAndPublishTogether(List<StoredResult> results) {
        List<Origin> origins = results.stream().map(DeliveryTraces::origin).toList();
        // the bulk write's MongoDB spans in the documents' traces (one document) or linked to them (several)
        traces.withinAll("kamerqa.parser.store", origins, () -> {
            metrics.timeStore(results.size(), () -> store.saveAll(results));
            return null;
        });
        for (StoredResult result : results) {
            traced(result, () -> log.info(
                    "stage=stored documentId={} outcome=parsed questions={} contentSha256={} parserVersion={}",
                    result.documentId(), result.document().questions().size(), result.contentSha256(),
                    result.parserVersion()));
        }
        publisher.publishAll(results);
        // only a published document counts as done: a crash before this line makes the replay publish again
        traces.withinAll("kamerqa.parser.mark-published", origins, () -> {
            store.markPublishedAll(results);
            return null;
        });
        for (StoredResult result : results) {
            metrics.parsed(result.document().questions().size());
            metrics.suspect(result.document().quality());
            traced(result, () -> log.info("stage=published documentId={} outcome=parsed eventId={}",
                    result.documentId(), result.eventId()));
        }
    }

    /** A log line about one result, in its raw record's trace. */
    private void traced(StoredResult result, Runnable line) {
        traces.within(DeliveryTraces.origin(result), () -> {
            line.run();
            return null;
        });
    }

    /** Counted only once the group is done, so a redelivered batch does not count its skipped documents twice. */
    private void countSkipped(List<Outcome> outcomes) {
        outcomes.stream().filter(Outcome.SKIPPED::equals).forEach(skipped -> metrics.skipped());
    }

    private void logSkipped(Delivery delivery, String contentSha256) {
        Origin origin = delivery.origin();
        log.info("stage=skipped documentId={} outcome=skipped contentSha256={} parserVersion={} source={}-{}@{}",
                delivery.raw().documentId(), contentSha256, parserVersion, origin.topic(), origin.partition(),
                origin.offset());
    }

    /** What cannot succeed; infrastructure failures are logged by the error handler, which retries them. */
    private static void logFailed(RawDocument raw, RuntimeException e) {
        log.warn("stage=failed documentId={} outcome=failed reason={} detail={}",
                raw == null ? null : raw.documentId(), FailureReason.of(e).code(), LogValues.quoted(e.getMessage()));
    }

    /**
     * Consecutive deliveries in which no documentId and no content hash repeats. A delivery under a content-hash id
     * ({@code sha256:...}) is a group of its own: the parser may give it an official id that another delivery has
     * too, and whether that id's content is current must then be asked after the one before it is stored.
     */
    private static final class Group {
        final int start;
        final List<String> documentIds = new ArrayList<>();
        final List<String> contentHashes = new ArrayList<>();

        Group(int start) {
            this.start = start;
        }

        boolean accepts(String documentId, String contentSha256) {
            return size() == 0 || !isContentHashId(documentIds.get(0)) && !isContentHashId(documentId)
                    && !documentIds.contains(documentId) && !contentHashes.contains(contentSha256);
        }

        void add(String documentId, String contentSha256) {
            documentIds.add(documentId);
            contentHashes.add(contentSha256);
        }

        int size() {
            return contentHashes.size();
        }

        private static boolean isContentHashId(String documentId) {
            return documentId.startsWith(DocumentIds.CONTENT_HASH_PREFIX);
        }
    }

    /** Returns the content hash in lower case once the event is known to be usable. */
    private static String validate(RawDocument raw) {
        if (raw == null) {
            throw new InvalidRawDocumentException("record has no value (tombstone)");
        }
        if (raw.schemaVersion() > RawDocument.SCHEMA_VERSION) {
            throw new InvalidRawDocumentException("schemaVersion " + raw.schemaVersion()
                    + " is newer than the " + RawDocument.SCHEMA_VERSION + " this service understands");
        }
        if (raw.documentId() == null || raw.documentId().isBlank()) {
            throw new InvalidRawDocumentException("documentId is missing");
        }
        if (LogValues.breaksLines(raw.documentId())) {
            // no id kamerqa gives has them; in a log line they could start a forged one
            throw new InvalidRawDocumentException("documentId contains whitespace or control characters: "
                    + LogValues.quoted(raw.documentId()));
        }
        if (raw.content() == null) {
            throw new InvalidRawDocumentException("content is missing");
        }
        if (raw.contentSha256() == null || !SHA256_HEX.matcher(raw.contentSha256()).matches()) {
            throw new InvalidRawDocumentException("contentSha256 is not a SHA-256 hex digest: " + raw.contentSha256());
        }
        // the hash is the idempotency key: a corrupted or mislabelled payload must not be stored under it
        String actual = sha256Hex(raw.content());
        if (!actual.equalsIgnoreCase(raw.contentSha256())) {
            throw new InvalidRawDocumentException("content does not match contentSha256 " + raw.contentSha256()
                    + " (it hashes to " + actual + ")");
        }
        return actual.toLowerCase(Locale.ROOT);
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
