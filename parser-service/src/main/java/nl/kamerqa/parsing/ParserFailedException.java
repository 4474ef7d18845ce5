package nl.kamerqa.parsing;

/**
 * qa-parser threw something other than {@code UnsupportedDocumentException} (a parser bug). Parsing is deterministic,
 * so retrying the same bytes fails the same way: the record is dead-lettered and can be replayed after a fix.
 */
public class ParserFailedException extends RuntimeException {
    public ParserFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
