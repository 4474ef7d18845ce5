package nl.kamerqa.query.stream;

import nl.kamerqa.contracts.ParsedDocument;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which documents a stream client wants; every given criterion must hold, none given means everything.
 *
 * @param party      one of the document's parties (any case)
 * @param genre      the genre, e.g. KAMERVRAGEN (any case)
 * @param answeredBy part of the answering minister's title, e.g. "Binnenlandse Zaken" (any case)
 * @param q          plain text in the title, subject, a question or an answer (any case)
 */
public record StreamFilter(String party, String genre, String answeredBy, String q) {

    public static final StreamFilter ALL = new StreamFilter(null, null, null, null);

    public StreamFilter {
        party = blankToNull(party);
        genre = blankToNull(genre);
        answeredBy = blankToNull(answeredBy);
        q = blankToNull(q);
    }

    boolean matches(ParsedDocument document) {
        if (party != null && document.parties().stream().noneMatch(party::equalsIgnoreCase)) {
            return false;
        }
        if (genre != null && !genre.equalsIgnoreCase(document.genre())) {
            return false;
        }
        ParsedDocument.Kamervragen kamervragen = document.kamervragen();
        if (answeredBy != null && (kamervragen == null || !containsIgnoringCase(kamervragen.answeredBy(), answeredBy))) {
            return false;
        }
        return q == null || texts(document).anyMatch(text -> containsIgnoringCase(text, q));
    }

    private static Stream<String> texts(ParsedDocument document) {
        Stream<String> questions = document.questions().stream().flatMap(question -> Stream.of(question.text(),
                question.answer() == null ? null : question.answer().text()));
        String subject = document.kamervragen() == null ? null : document.kamervragen().subject();
        return Stream.concat(Stream.of(document.title(), subject), questions).filter(Objects::nonNull);
    }

    private static boolean containsIgnoringCase(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
