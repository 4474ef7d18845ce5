package nl.kamerqa.query.stream;

import nl.kamerqa.contracts.ParsedDocument;

import java.util.List;

/**
 * What a stream client is told about a newly parsed (or re-parsed) document: enough to decide whether to fetch it
 * from {@code url}, the document in the REST API.
 *
 * @param subject    the Kamervragen subject, null for other genres
 * @param answeredBy the minister or state secretary who answered Kamervragen, null for other genres
 */
public record LiveDocument(String documentId, String url, String title, String genre, String vergaderjaar,
                           String dossier, List<String> parties, int questionCount, int answeredCount,
                           String subject, String answeredBy, String parserVersion) {

    static LiveDocument of(ParsedDocument document) {
        int answered = (int) document.questions().stream().filter(q -> q.answer() != null).count();
        ParsedDocument.Kamervragen kamervragen = document.kamervragen();
        return new LiveDocument(document.documentId(), "/api/documents/" + document.documentId(), document.title(),
                document.genre(), document.vergaderjaar(), document.dossier(), document.parties(),
                document.questions().size(), answered,
                kamervragen == null ? null : kamervragen.subject(),
                kamervragen == null ? null : kamervragen.answeredBy(),
                document.parser() == null ? null : document.parser().version());
    }
}
