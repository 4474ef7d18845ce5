package nl.kamerqa.query;

/**
 * Which questions to list; a null criterion matches everything. Blank values count as absent, so an empty search
 * box or {@code ?party=} lists all questions.
 *
 * @param party      exact party name, compared case-insensitively ("d66" finds "D66")
 * @param documentId exact documentId
 * @param text       plain text searched in the question and answer texts (not a query language)
 */
public record QuestionFilter(String party, String documentId, String text) {

    public static final QuestionFilter ALL = new QuestionFilter(null, null, null);

    public QuestionFilter {
        party = blankToNull(party);
        documentId = blankToNull(documentId);
        text = blankToNull(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
