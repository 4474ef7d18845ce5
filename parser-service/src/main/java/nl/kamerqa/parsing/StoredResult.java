package nl.kamerqa.parsing;

import nl.kamerqa.contracts.ParsedDocument;

/** A parsed document with the content hash and parser version it is stored and published under. */
public record StoredResult(ParsedDocument document, String contentSha256, String parserVersion) {

    public String documentId() {
        return document.documentId();
    }

    public String eventId() {
        return ParsedDocumentPublisher.eventId(document.documentId(), contentSha256, parserVersion);
    }
}
