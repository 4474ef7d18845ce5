package nl.kamerqa.ingest;

/** The document itself cannot be taken in; sending it again unchanged will not help. */
public class DocumentRejectedException extends RuntimeException {

    /** Why a document was refused; the HTTP layer maps each to its status. */
    public enum Reason {
        /** no bytes at all */
        EMPTY,
        /** more bytes than {@code kamerqa.ingest.max-document-size} */
        TOO_LARGE,
        /** the bytes are not a format the parser reads */
        UNSUPPORTED,
        /** the metadata sent with it is malformed */
        INVALID
    }

    private final Reason reason;

    public DocumentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
