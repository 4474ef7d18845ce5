package nl.kamerqa.query.store;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.regex.Pattern;

/**
 * The fallback search: a case-insensitive substring match on the quoted term, for servers without {@code $text}
 * (mongo-java-server). Scans the collection; fine for the embedded server's small data sets.
 */
public final class RegexSearch implements QuestionSearch {

    @Override
    public Bson filter(String term) {
        // Pattern.quote: the term is literal text, so "(", "*" or ".*" cannot change the pattern
        String pattern = Pattern.quote(term);
        return Filters.or(Filters.regex("text", pattern, "i"), Filters.regex("answer.text", pattern, "i"));
    }

    @Override
    public String name() {
        return "regex";
    }
}
