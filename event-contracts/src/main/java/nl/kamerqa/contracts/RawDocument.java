package nl.kamerqa.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * A document as it arrived, before parsing: published by ingest-service to {@link Topics#RAW}, key = documentId.
 *
 * @param schemaVersion  version of this record's shape
 * @param documentId     official identifier (kst-36200-VII-147, ah-tk-20222023-1234) where known, else {@code sha256:<hex>}
 * @param contentSha256  lower-case hex SHA-256 of {@code content}
 * @param contentType    media type sniffed from the bytes (text/plain, application/pdf, ...), not the declared one
 * @param source         where it came from: upload, folder, syncfeed, odata, sru
 * @param sourceUrl      the URL it was fetched from, if any
 * @param title          a title given by the source, if any
 * @param receivedAt     ISO-8601 instant at which ingest-service received it
 * @param metadata       what the source said about it (dossier, ondernummer, vergaderjaar, documenttype, date, filename, ...)
 * @param content        the bytes, base64 in JSON
 * @param official       what the official register says about the publication (type, numbers, indieners,
 *                       ontvanger, dates), for the parser to prefer over what it would read from the text; null
 *                       when unknown (uploads, sources without register metadata, events before this field)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawDocument(
        int schemaVersion,
        String documentId,
        String contentSha256,
        String contentType,
        String source,
        String sourceUrl,
        String title,
        String receivedAt,
        Map<String, String> metadata,
        byte[] content,
        OfficialMetadata official) {

    public static final int SCHEMA_VERSION = 1;

    public RawDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A document without register metadata (kept so the callers from before that field compile). */
    public RawDocument(int schemaVersion, String documentId, String contentSha256, String contentType, String source,
                       String sourceUrl, String title, String receivedAt, Map<String, String> metadata,
                       byte[] content) {
        this(schemaVersion, documentId, contentSha256, contentType, source, sourceUrl, title, receivedAt, metadata,
                content, null);
    }
}
