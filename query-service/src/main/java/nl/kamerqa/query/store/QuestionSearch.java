package nl.kamerqa.query.store;

import org.bson.conversions.Bson;

/**
 * Turns a plain-text search term into a filter on the {@code questions} collection, matching the question text
 * and the answer text. The term is user input: implementations must treat it as text, never as query syntax.
 */
public interface QuestionSearch {

    /** Filter matching questions whose text or answer text contains {@code term} (not blank). */
    Bson filter(String term);

    /** Short name for logs: "text" or "regex". */
    String name();
}
