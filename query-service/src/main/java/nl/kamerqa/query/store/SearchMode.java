package nl.kamerqa.query.store;

/** How {@code q} is searched: detected from the server, or forced to one path. */
public enum SearchMode {
    /** Try MongoDB {@code $text} once; fall back to regex when the server refuses it. */
    AUTO,
    /** Always {@code $text} (real MongoDB with the text index on text + answer.text). */
    TEXT,
    /** Always a case-insensitive regex scan (works everywhere, no index used). */
    REGEX
}
