package nl.kamerqa.ingest;

import nl.kamerqa.contracts.OfficialMetadata;

import java.util.Map;
import java.util.Objects;

/**
 * A document offered to {@link DocumentIntake} by any source (upload, folder, feed).
 *
 * @param source              where it came from: upload, folder, syncfeed, odata, sru
 * @param content             the bytes as received
 * @param filename            file name as the source gave it (any directory part is dropped), or null
 * @param declaredContentType media type the source claimed; kept as metadata, the bytes decide the real one
 * @param sourceUrl           URL it was fetched from, or null
 * @param title               a title given by the source, or null
 * @param documentId          an identifier the source proposed; used only when it is an official one (the upload
 *                            API refuses any other before it gets here, so a caller's id is never replaced)
 * @param metadata            anything else the source said about it
 * @param crossSourceDedupe   true for the automated feeds: when the official id was already published through
 *                            another source and this source never delivered it, this is the same document
 *                            arriving through a second channel, recorded but not published again
 * @param official            what the official register says about the publication, or null
 */
public record IncomingDocument(String source,
                               byte[] content,
                               String filename,
                               String declaredContentType,
                               String sourceUrl,
                               String title,
                               String documentId,
                               Map<String, String> metadata,
                               boolean crossSourceDedupe,
                               OfficialMetadata official) {

    public IncomingDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
        filename = baseName(blankToNull(filename));
        declaredContentType = blankToNull(declaredContentType);
        sourceUrl = blankToNull(sourceUrl);
        title = blankToNull(title);
        documentId = blankToNull(documentId);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A document without register metadata. */
    public IncomingDocument(String source, byte[] content, String filename, String declaredContentType,
                            String sourceUrl, String title, String documentId, Map<String, String> metadata,
                            boolean crossSourceDedupe) {
        this(source, content, filename, declaredContentType, sourceUrl, title, documentId, metadata, crossSourceDedupe,
                null);
    }

    /** A document handed in by a person (upload, folder): never joined with what the feeds delivered. */
    public IncomingDocument(String source, byte[] content, String filename, String declaredContentType,
                            String sourceUrl, String title, String documentId, Map<String, String> metadata) {
        this(source, content, filename, declaredContentType, sourceUrl, title, documentId, metadata, false);
    }

    /** A document with nothing known about it but its bytes. */
    public static IncomingDocument of(String source, byte[] content) {
        return new IncomingDocument(source, content, null, null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // browsers on Windows may send "C:\\Users\\x\\kst-36200-VII-147.pdf"; only the last part names the file
    private static String baseName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return blankToNull(base);
    }
}
