package nl.kamerqa.parser;

/** The input is not a document the parser can read (unknown format, corrupt file); retrying will not help. */
public class UnsupportedDocumentException extends RuntimeException {
    public UnsupportedDocumentException(String message) {
        super(message);
    }

    public UnsupportedDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
