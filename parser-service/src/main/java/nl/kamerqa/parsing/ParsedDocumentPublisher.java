package nl.kamerqa.parsing;

import nl.kamerqa.contracts.ParsedDocument;

/** Publishes a parsed document and returns only once the broker has acknowledged it. */
public interface ParsedDocumentPublisher {

    /**
     * @throws PublishFailedException when the broker did not acknowledge the event
     */
    void publish(ParsedDocument document, String contentSha256, String parserVersion);

    /** A stable event id, so a re-publish after a crash can be recognised downstream as the same event. */
    static String eventId(String documentId, String contentSha256, String parserVersion) {
        return documentId + ":" + contentSha256 + ":" + parserVersion;
    }
}
