package nl.kamerqa.query.stream;

/**
 * One server-sent event of the live stream.
 *
 * @param id the parsed event's {@code ce_id} (stable per document, content and parser version); a client that
 *           reconnects sends the last one it saw as {@code Last-Event-ID} and gets what it missed
 */
public record LiveEvent(String id, LiveDocument document) {
}
