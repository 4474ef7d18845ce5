package nl.kamerqa.ingest;

import nl.kamerqa.support.LogValues;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.DocumentRejectedException.Reason;
import nl.kamerqa.ingest.IngestMetrics.Outcome;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way into the pipeline for every source: checks a document, gives it its id and publishes it once.
 *
 * <p>Order matters: the ledger entry is written only after the broker acknowledged the record, so a document
 * whose publication failed is not mistaken for a duplicate when it is sent again. The price is that two
 * concurrent uploads of the same bytes may both be published; consumers are idempotent per
 * (documentId, contentSha256), so that costs a redundant parse, never a wrong result.
 *
 * <p>Versions: under an official id, a content not seen before is the next version of that document (metadata
 * {@value #VERSION} and {@value #PREVIOUS_CONTENT_SHA256}). A feed delivering an id for the first time while
 * another source already published it is the same document through a second channel and is not published again
 * ({@link IncomingDocument#crossSourceDedupe()}).
 *
 * <p>Every document is logged once per stage, as {@code key=value} fields: {@code stage=received}, then one of
 * {@code stage=published}, {@code stage=duplicate}, {@code stage=rejected} or {@code stage=failed}, each with
 * {@code documentId} and {@code outcome}; the documentId is also in the MDC (key {@value #MDC_DOCUMENT_ID}) while the
 * document is handled, so structured (JSON) logs carry it on every line.
 */
@Service
public class DocumentIntake {

    private static final Logger log = LoggerFactory.getLogger(DocumentIntake.class);
    private static final int MAX_FIELD_LENGTH = 2048;

    /** Metadata key: 1 for the first content published under an official id, then 2, 3, ... */
    public static final String VERSION = "version";
    /** Metadata key: the content this version replaces, absent for version 1. */
    public static final String PREVIOUS_CONTENT_SHA256 = "previousContentSha256";
    /** MDC key holding the documentId while a document is handled. */
    public static final String MDC_DOCUMENT_ID = "documentId";

    private static final ReentrantLock[] VERSION_LOCKS = new ReentrantLock[64];

    static {
        for (int i = 0; i < VERSION_LOCKS.length; i++) {
            VERSION_LOCKS[i] = new ReentrantLock();
        }
    }

    private final RawDocumentPublisher publisher;
    private final IngestedDocuments ingested;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final long maxDocumentSize;

    public DocumentIntake(RawDocumentPublisher publisher, IngestedDocuments ingested, IngestMetrics metrics,
                          Clock clock, KamerqaProperties properties) {
        this.publisher = publisher;
        this.ingested = ingested;
        this.metrics = metrics;
        this.clock = clock;
        this.maxDocumentSize = properties.ingest().maxDocumentSize().toBytes();
    }

    /**
     * Publishes the document to the raw topic unless the same bytes were published before.
     *
     * @throws DocumentRejectedException  when the document is empty, too large, of an unsupported type or has malformed metadata
     * @throws IntakeUnavailableException when the broker or the ledger could not be reached; nothing was recorded
     */
    public IntakeResult accept(IncomingDocument document) {
        metrics.received(document.source());
        byte[] content = document.content();
        // the id it will be published under when new; known before any check, so every line of this document has it
        String sha = content.length > 0 && content.length <= maxDocumentSize ? sha256Hex(content) : null;
        String candidateId = sha == null ? null : DocumentIds.derive(document.documentId(), document.filename(), sha);
        String previousMdc = MDC.get(MDC_DOCUMENT_ID);
        MDC.put(MDC_DOCUMENT_ID, candidateId == null ? "-" : candidateId);
        try {
            log.info("stage=received documentId={} source={} size={} filename={} declaredContentType={} contentSha256={}",
                    candidateId == null ? "-" : candidateId, document.source(), content.length,
                    LogValues.quoted(document.filename()), LogValues.quoted(document.declaredContentType()),
                    sha == null ? "-" : sha);
            IntakeResult result = intake(document, sha);
            metrics.count(document.source(), result.status() == IntakeResult.Status.ACCEPTED
                    ? Outcome.ACCEPTED : Outcome.DUPLICATE);
            return result;
        } catch (DocumentRejectedException e) {
            IngestMetrics.Reason reason = IngestMetrics.Reason.of(e.reason());
            metrics.rejected(document.source(), reason);
            log.info("stage=rejected documentId={} outcome=rejected reason={} source={} detail={}",
                    candidateId == null ? "-" : candidateId, reason.tag(), document.source(),
                    LogValues.quoted(e.getMessage()));
            throw e;
        } catch (IntakeUnavailableException e) {
            metrics.count(document.source(), Outcome.FAILED);
            log.warn("stage=failed documentId={} outcome=failed source={} detail={}",
                    candidateId == null ? "-" : candidateId, document.source(), LogValues.quoted(e.getMessage()));
            throw e;
        } finally {
            if (previousMdc == null) {
                MDC.remove(MDC_DOCUMENT_ID);
            } else {
                MDC.put(MDC_DOCUMENT_ID, previousMdc);
            }
        }
    }

    /** The largest document accepted, in bytes. */
    public long maxDocumentSize() {
        return maxDocumentSize;
    }

    /** @param sha the content's SHA-256, null when the content is empty or too large */
    private IntakeResult intake(IncomingDocument document, String sha) {
        byte[] content = document.content();
        if (content.length == 0) {
            throw new DocumentRejectedException(Reason.EMPTY, "the document is empty (0 bytes)");
        }
        if (content.length > maxDocumentSize) {
            throw tooLarge(content.length, maxDocumentSize);
        }
        validateMetadata(document);
        String contentType = ContentSniffer.sniff(content);

        Optional<IngestedDocument> seen = ingested.find(sha);
        if (seen.isPresent()) {
            IngestedDocument first = seen.get();
            MDC.put(MDC_DOCUMENT_ID, first.documentId());
            log.info("stage=duplicate documentId={} outcome=duplicate source={} contentSha256={} firstSource={} "
                            + "firstReceivedAt={} filename={}", first.documentId(), document.source(), sha,
                    first.source(), first.receivedAt(), LogValues.quoted(document.filename()));
            return new IntakeResult(first.documentId(), sha, first.contentType(), IntakeResult.Status.DUPLICATE);
        }

        String documentId = DocumentIds.derive(document.documentId(), document.filename(), sha);
        if (!DocumentIds.isOfficial(documentId)) {
            // a content-derived id names exactly one content: there are no versions to relate
            return publish(document, documentId, sha, contentType, Map.of());
        }
        // one document at a time per id, so two feeds delivering it at once agree on what is a version
        ReentrantLock lock = VERSION_LOCKS[Math.floorMod(documentId.hashCode(), VERSION_LOCKS.length)];
        lock.lock();
        try {
            Optional<IngestedDocument> meanwhile = ingested.find(sha);
            if (meanwhile.isPresent()) {
                // the same bytes came in through another thread while this one waited for the lock
                log.info("stage=duplicate documentId={} outcome=duplicate source={} contentSha256={} "
                                + "firstSource={} concurrent=true", meanwhile.get().documentId(), document.source(), sha,
                        meanwhile.get().source());
                return new IntakeResult(meanwhile.get().documentId(), sha, meanwhile.get().contentType(),
                        IntakeResult.Status.DUPLICATE);
            }
            List<IngestedDocument> known = ingested.findByDocumentId(documentId);
            List<IngestedDocument> published = known.stream().filter(IngestedDocument::published).toList();
            boolean firstFromThisSource = known.stream().noneMatch(k -> document.source().equals(k.source()));
            if (document.crossSourceDedupe() && firstFromThisSource && !published.isEmpty()) {
                return join(document, documentId, sha, contentType, published.get(published.size() - 1));
            }
            Map<String, String> version = new LinkedHashMap<>();
            version.put(VERSION, Integer.toString(published.size() + 1));
            if (!published.isEmpty()) {
                version.put(PREVIOUS_CONTENT_SHA256, published.get(published.size() - 1).contentSha256());
            }
            return publish(document, documentId, sha, contentType, version);
        } finally {
            lock.unlock();
        }
    }

    private IntakeResult publish(IncomingDocument document, String documentId, String sha, String contentType,
                                 Map<String, String> version) {
        byte[] content = document.content();
        Instant receivedAt = clock.instant();
        Map<String, String> metadata = metadata(document);
        metadata.putAll(version);
        RawDocument raw = new RawDocument(RawDocument.SCHEMA_VERSION, documentId, sha, contentType,
                document.source(), document.sourceUrl(), document.title(), receivedAt.toString(),
                metadata, content, document.official());
        publisher.publish(raw);
        log.info("stage=published documentId={} outcome=accepted source={} contentType={} size={} contentSha256={} "
                        + "version={} filename={}", documentId, document.source(), contentType, content.length, sha,
                version.getOrDefault(VERSION, "-"), LogValues.quoted(document.filename()));

        try {
            ingested.record(new IngestedDocument(sha, documentId, document.source(), document.sourceUrl(),
                    document.title(), contentType, content.length, receivedAt, true));
        } catch (IntakeUnavailableException e) {
            // already published: answering failure would invite a retry that publishes again anyway
            log.warn("Published {} but could not record it in the ledger; the same content will be published again "
                    + "if it is sent again: {}", documentId, e.getMessage());
        }
        return new IntakeResult(documentId, sha, contentType, IntakeResult.Status.ACCEPTED);
    }

    /**
     * The same document through a second channel (e.g. the XML from the SRU repository after the PDF from the
     * Tweede Kamer): recorded, so a later change through this channel is seen as a new version, not published.
     */
    private IntakeResult join(IncomingDocument document, String documentId, String sha, String contentType,
                              IngestedDocument latest) {
        log.info("stage=duplicate documentId={} outcome=duplicate source={} contentSha256={} firstSource={} "
                        + "publishedContentSha256={} crossSource=true filename={}", documentId, document.source(), sha,
                latest.source(), latest.contentSha256(), LogValues.quoted(document.filename()));
        ingested.record(new IngestedDocument(sha, documentId, document.source(), document.sourceUrl(),
                document.title(), contentType, document.content().length, clock.instant(), false));
        return new IntakeResult(documentId, sha, contentType, IntakeResult.Status.DUPLICATE);
    }

    /** What the source said, kept with the event: the declared type and proposed id may differ from what we chose. */
    private static Map<String, String> metadata(IncomingDocument document) {
        Map<String, String> metadata = new LinkedHashMap<>(document.metadata());
        putIfPresent(metadata, "filename", document.filename());
        putIfPresent(metadata, "declaredContentType", document.declaredContentType());
        putIfPresent(metadata, "declaredDocumentId", document.documentId());
        return metadata;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void validateMetadata(IncomingDocument d) {
        for (String value : new String[]{d.filename(), d.declaredContentType(), d.sourceUrl(), d.title(), d.documentId()}) {
            if (value != null && value.length() > MAX_FIELD_LENGTH) {
                throw new DocumentRejectedException(Reason.INVALID,
                        "metadata value longer than %d characters: %s...".formatted(MAX_FIELD_LENGTH, value.substring(0, 40)));
            }
        }
        if (d.sourceUrl() != null) {
            try {
                URI uri = new URI(d.sourceUrl());
                String scheme = uri.getScheme();
                if (!uri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                    throw invalidSourceUrl(d.sourceUrl());
                }
            } catch (URISyntaxException e) {
                throw invalidSourceUrl(d.sourceUrl());
            }
        }
    }

    private static DocumentRejectedException invalidSourceUrl(String url) {
        return new DocumentRejectedException(Reason.INVALID, "sourceUrl is not an absolute http(s) URL: " + url);
    }

    /** The 413 answer, shared with the HTTP layer, which refuses oversized bodies before reading them whole. */
    public static DocumentRejectedException tooLarge(long size, long limit) {
        return new DocumentRejectedException(Reason.TOO_LARGE, "the document is %d bytes, more than the limit of %s"
                .formatted(size, describeLimit(limit)));
    }

    /** The 413 answer when the size is not known, only that it is over the limit. */
    public static DocumentRejectedException tooLarge(long limit) {
        return new DocumentRejectedException(Reason.TOO_LARGE, "the document is larger than the limit of %s"
                .formatted(describeLimit(limit)));
    }

    private static String describeLimit(long limit) {
        return String.format(Locale.ROOT, "%d bytes (%.1f MB, kamerqa.ingest.max-document-size)",
                limit, limit / (1024.0 * 1024.0));
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
