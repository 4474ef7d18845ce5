package nl.kamerqa.parsing;

import nl.kamerqa.parser.UnsupportedDocumentException;

import java.util.Locale;

/**
 * Why a raw document was given up on: the closed set of values of the {@code reason} tag of
 * {@code kamerqa_parser_failures_total} and of the {@code reason=} field in the logs. Closed so that dashboards and
 * alerts can list them; the free-text detail goes to the dead-letter headers instead.
 */
public enum FailureReason {
    /** The bytes are not a document qa-parser can read (binary noise, invalid UTF-8, encrypted PDF, ...). */
    UNSUPPORTED_FORMAT,
    /** The raw event itself is unusable: missing fields, content not matching its hash, a newer schema. */
    INVALID_EVENT,
    /** The record value is not RawDocument JSON at all. */
    DESERIALIZATION,
    /** qa-parser failed in another way: a parser bug, to be fixed and re-driven. */
    PARSER_ERROR,
    /** Anything else that was dead-lettered, e.g. a MongoDB write error on the data after its bounded retries. */
    OTHER;

    /** The tag / log value, e.g. {@code unsupported_format}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Classifies by the first cause that is one of this service's own failure types. */
    public static FailureReason of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedDocumentException) {
                return UNSUPPORTED_FORMAT;
            }
            if (t instanceof InvalidRawDocumentException) {
                return INVALID_EVENT;
            }
            if (t instanceof ParserFailedException) {
                return PARSER_ERROR;
            }
        }
        return OTHER;
    }
}
