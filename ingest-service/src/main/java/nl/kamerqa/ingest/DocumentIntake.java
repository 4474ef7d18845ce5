package nl.kamerqa.ingest;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.DocumentRejectedException.Reason;
import nl.kamerqa.ingest.IngestMetrics.Outcome;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one way into the pipeline for every source: checks a document, gives it its id and publishes it once.
 *
 * <p>Order matters: the ledger entry is written only after the broker acknowledged the record, so a document
 * whose publication failed is not mistaken for a duplicate when it is sent again. The price is that two
 * concurrent uploads of the same bytes may both be published; consumers are idempotent per
 * (documentId, contentSha256), so that costs a redundant parse, never a wrong result.
 */
@Service
public class DocumentIntake {

    private static final Logger log = LoggerFactory.getLogger(DocumentIntake.class);
    private static final int MAX_FIELD_LENGTH = 2048;

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
        try {
            IntakeResult result = intake(document);
            metrics.count(document.source(), result.status() == IntakeResult.Status.ACCEPTED
                    ? Outcome.ACCEPTED : Outcome.DUPLICATE);
            return result;
        } catch (DocumentRejectedException e) {
            metrics.count(document.source(), Outcome.REJECTED);
            log.info("Rejected {} document {}: {}", document.source(), describe(document), e.getMessage());
            throw e;
        } catch (IntakeUnavailableException e) {
            metrics.count(document.source(), Outcome.FAILED);
            log.warn("Could not take in {} document {}: {}", document.source(), describe(document), e.getMessage());
            throw e;
        }
    }

    /** The largest document accepted, in bytes. */
    public long maxDocumentSize() {
        return maxDocumentSize;
    }

    private IntakeResult intake(IncomingDocument document) {
        byte[] content = document.content();
        if (content.length == 0) {
            throw new DocumentRejectedException(Reason.EMPTY, "the document is empty (0 bytes)");
        }
        if (content.length > maxDocumentSize) {
            throw tooLarge(content.length, maxDocumentSize);
        }
        validateMetadata(document);
        String contentType = ContentSniffer.sniff(content);
        String sha = sha256Hex(content);

        Optional<IngestedDocument> seen = ingested.find(sha);
        if (seen.isPresent()) {
            IngestedDocument first = seen.get();
            log.info("Duplicate {} document {}: content {} was published as {} at {}", document.source(),
                    describe(document), sha, first.documentId(), first.receivedAt());
            return new IntakeResult(first.documentId(), sha, first.contentType(), IntakeResult.Status.DUPLICATE);
        }

        String documentId = DocumentIds.derive(document.documentId(), document.filename(), sha);
        Instant receivedAt = clock.instant();
        RawDocument raw = new RawDocument(RawDocument.SCHEMA_VERSION, documentId, sha, contentType,
                document.source(), document.sourceUrl(), document.title(), receivedAt.toString(),
                metadata(document), content);
        publisher.publish(raw);
        log.info("Published {} document {} as {} ({}, {} bytes, sha256 {})", document.source(), describe(document),
                documentId, contentType, content.length, sha);

        try {
            ingested.record(new IngestedDocument(sha, documentId, document.source(), document.sourceUrl(),
                    document.title(), contentType, content.length, receivedAt));
        } catch (IntakeUnavailableException e) {
            // already published: answering failure would invite a retry that publishes again anyway
            log.warn("Published {} but could not record it in the ledger; the same content will be published again "
                    + "if it is sent again: {}", documentId, e.getMessage());
        }
        return new IntakeResult(documentId, sha, contentType, IntakeResult.Status.ACCEPTED);
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

    private static String describe(IncomingDocument d) {
        return d.filename() != null ? "'" + d.filename() + "'" : "(" + d.content().length + " bytes)";
    }
}
