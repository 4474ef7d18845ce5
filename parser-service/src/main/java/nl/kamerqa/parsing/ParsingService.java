package nl.kamerqa.parsing;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parsing.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One raw document in, one stored and published parsed document out. Idempotent: replaying a raw event whose
 * content was already parsed, stored and published by this parser version does nothing.
 */
public class ParsingService {

    private static final Logger log = LoggerFactory.getLogger(ParsingService.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public enum Outcome { PARSED, SKIPPED }

    private final RawDocumentParser parser;
    private final DocumentStore store;
    private final ParsedDocumentPublisher publisher;
    private final ParserMetrics metrics;
    private final String parserVersion;

    public ParsingService(RawDocumentParser parser, DocumentStore store, ParsedDocumentPublisher publisher,
                          ParserMetrics metrics) {
        this.parser = parser;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.parserVersion = QaParser.VERSION;
    }

    /**
     * Parses, stores and publishes; returns only when MongoDB and the parsed topic both have the result, so the
     * caller may then commit the raw event's offset. Logs one {@code key=value} line per stage it reaches
     * (skipped, or parsed/failed, stored, published), each with documentId and outcome.
     *
     * @throws InvalidRawDocumentException the event is unusable (not retryable)
     */
    public Outcome process(RawDocument raw, Origin origin) {
        String contentSha256;
        ParsedDocument parsed;
        try {
            contentSha256 = validate(raw);
            if (store.isCurrent(contentSha256, parserVersion)) {
                log.info("stage=skipped documentId={} outcome=skipped contentSha256={} parserVersion={} source={}-{}@{}",
                        raw.documentId(), contentSha256, parserVersion, origin.topic(), origin.partition(),
                        origin.offset());
                metrics.skipped();
                return Outcome.SKIPPED;
            }
            parsed = metrics.timeParse(() -> parser.parse(raw));
        } catch (InvalidRawDocumentException | ParserFailedException | UnsupportedDocumentException e) {
            // what cannot succeed; infrastructure failures are logged by the error handler, which retries them
            log.warn("stage=failed documentId={} outcome=failed reason={} detail={}",
                    raw == null ? null : raw.documentId(), FailureReason.of(e).code(), LogValues.quoted(e.getMessage()));
            throw e;
        }
        ParsedDocument document = parsed
                .withDocumentId(DocumentIds.choose(raw.documentId(), parsed.documentId()))
                .withProvenance(new ParsedDocument.Provenance(origin.topic(), origin.partition(), origin.offset(),
                        contentSha256, raw.source()));
        log.info("stage=parsed documentId={} rawDocumentId={} outcome=parsed questions={} warnings={} genre={}",
                document.documentId(), raw.documentId(), document.questions().size(), document.warnings().size(),
                document.genre());

        metrics.timeStore(() -> store.save(document, contentSha256, parserVersion));
        log.info("stage=stored documentId={} outcome=parsed questions={} contentSha256={} parserVersion={}",
                document.documentId(), document.questions().size(), contentSha256, parserVersion);

        publisher.publish(document, contentSha256, parserVersion);
        // only a published document counts as done: a crash before this line makes the replay publish again
        store.markPublished(document.documentId(), contentSha256, parserVersion);
        metrics.parsed(document.questions().size());
        metrics.suspect(document.quality());
        log.info("stage=published documentId={} outcome=parsed eventId={}", document.documentId(),
                ParsedDocumentPublisher.eventId(document.documentId(), contentSha256, parserVersion));
        return Outcome.PARSED;
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
