package nl.kamerqa.parsing;

/** Which documentId a parsed document is stored and published under. */
public final class DocumentIds {

    /** Prefix of the content-hash ids ingest-service gives documents whose official id it did not know. */
    public static final String CONTENT_HASH_PREFIX = "sha256:";

    private DocumentIds() {
    }

    /**
     * The official id the parser found in the text replaces a content-hash id; an id the raw event already
     * carried (from the source's metadata) is kept, so a document does not move when the parser improves.
     */
    public static String choose(String rawId, String parsedId) {
        boolean rawIsContentHash = rawId.startsWith(CONTENT_HASH_PREFIX);
        boolean parserFoundOne = parsedId != null && !parsedId.isBlank();
        return rawIsContentHash && parserFoundOne ? parsedId : rawId;
    }
}
