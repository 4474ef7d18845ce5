package nl.kamerqa.ingest;

/**
 * What became of an {@link IncomingDocument}.
 *
 * @param documentId    the id the document is published under (for a duplicate: the id it was first published under)
 * @param contentSha256 lower-case hex SHA-256 of the bytes
 * @param contentType   media type sniffed from the bytes
 * @param status        whether it was published now or had been before
 */
public record IntakeResult(String documentId, String contentSha256, String contentType, Status status) {

    public enum Status {
        /** published to the raw topic now */
        ACCEPTED,
        /** the same bytes were published before; nothing was sent */
        DUPLICATE
    }
}
