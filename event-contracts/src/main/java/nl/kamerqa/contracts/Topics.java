package nl.kamerqa.contracts;

/** Default names of the Kafka topics; services read the names they use from their configuration. */
public final class Topics {
    /** RawDocument events, key = documentId. */
    public static final String RAW = "parliament.documents.raw";
    /** ParsedDocument events, key = documentId. */
    public static final String PARSED = "parliament.documents.parsed";
    /** Raw records the parser could not handle, with the reason in headers. */
    public static final String RAW_DLT = "parliament.documents.raw.DLT";

    private Topics() {
    }
}
