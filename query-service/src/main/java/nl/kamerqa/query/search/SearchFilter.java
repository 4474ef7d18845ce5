package nl.kamerqa.query.search;

import java.time.LocalDate;
import java.util.List;

/**
 * What to find; null (or empty) criteria match everything, and all given criteria must hold.
 *
 * @param q          Dutch full text in question and answer: every word required, "quoted phrases" kept together
 * @param parties    any of these parties (exact, any case)
 * @param documentId exactly this document
 * @param dossier    this Kamerstuk dossier, spaces and case ignored ("36 200 VII" = "36200vii")
 * @param genre      this genre, any case
 * @param answeredBy words of the answering minister or ministry (or, unanswered, the addressee)
 * @param asker      words of an asking member's name
 * @param from       submission (document) date on or after
 * @param to         submission (document) date on or before
 * @param answered   only answered (true) or unanswered (false) questions
 */
public record SearchFilter(String q, List<String> parties, String documentId, String dossier, String genre,
                           String answeredBy, String asker, LocalDate from, LocalDate to, Boolean answered) {

    public static final SearchFilter ALL = new SearchFilter(null, List.of(), null, null, null, null, null, null, null, null);

    public SearchFilter {
        q = blankToNull(q);
        parties = parties == null ? List.of()
                : parties.stream().map(SearchFilter::blankToNull).filter(p -> p != null).toList();
        documentId = blankToNull(documentId);
        dossier = blankToNull(dossier);
        genre = blankToNull(genre);
        answeredBy = blankToNull(answeredBy);
        asker = blankToNull(asker);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
