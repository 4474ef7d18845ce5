package nl.kamerqa.query.store;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

/**
 * The real-MongoDB search: {@code $text} over the text index on text + answer.text (created by parser-service).
 * The term is searched as one phrase, so that "gemeentefonds financiering" means the same as in the regex fallback
 * (both words, together) rather than $text's default "any of the words"; the index still gives case and diacritic
 * insensitivity.
 */
public final class TextIndexSearch implements QuestionSearch {

    private final RegexSearch noWords = new RegexSearch();

    @Override
    public Bson filter(String term) {
        // $search syntax gives '"' (phrase) and a leading '-' (negation) meaning; inside a phrase only '"' matters,
        // so dropping quotes keeps the term plain text
        String phrase = term.replace('"', ' ').strip();
        if (phrase.isEmpty()) {
            return noWords.filter(term); // a term of only quotes has no words to look up in the index
        }
        return Filters.text("\"" + phrase + "\"");
    }

    @Override
    public String name() {
        return "text";
    }
}
