package nl.kamerqa.parsing;

/** The raw event itself is unusable (missing fields, content not matching its hash): retrying will not help. */
public class InvalidRawDocumentException extends IllegalArgumentException {
    public InvalidRawDocumentException(String message) {
        super(message);
    }
}
