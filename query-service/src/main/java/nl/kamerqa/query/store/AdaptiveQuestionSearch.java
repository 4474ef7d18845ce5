package nl.kamerqa.query.store;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uses {@code $text} where the server supports it and the regex fallback where it does not, decided once on the
 * first search by a probe query. Only the server's own answer decides: a timeout leaves the question open for the
 * next search, and a missing text index (parser-service has not created it yet) falls back for that one search
 * without deciding.
 */
public final class AdaptiveQuestionSearch implements QuestionSearch {

    private static final Logger log = LoggerFactory.getLogger(AdaptiveQuestionSearch.class);
    /** MongoDB error code for "text index required for $text query". */
    static final int INDEX_NOT_FOUND = 27;

    private final MongoCollection<Document> questions;
    private final QuestionSearch text;
    private final QuestionSearch fallback;
    private volatile QuestionSearch chosen;

    public AdaptiveQuestionSearch(MongoCollection<Document> questions, QuestionSearch text, QuestionSearch fallback) {
        this.questions = questions;
        this.text = text;
        this.fallback = fallback;
    }

    @Override
    public Bson filter(String term) {
        QuestionSearch current = chosen;
        return (current != null ? current : detect()).filter(term);
    }

    @Override
    public String name() {
        QuestionSearch current = chosen;
        return current == null ? "auto (undecided)" : current.name();
    }

    /** The path decided on, or null before the first successful probe. */
    QuestionSearch chosen() {
        return chosen;
    }

    private synchronized QuestionSearch detect() {
        if (chosen != null) {
            return chosen;
        }
        try {
            questions.find(text.filter("kamerqa")).limit(1).first();
            chosen = text;
            log.info("Question search uses MongoDB $text (text index on text + answer.text)");
            return chosen;
        } catch (MongoServerException e) {
            if (e.getCode() == INDEX_NOT_FOUND) {
                log.warn("No text index on questions yet ({}); using regex search until one exists", e.getMessage());
                return fallback;
            }
            chosen = fallback;
            log.info("Server refuses $text (error {} {}); question search uses the case-insensitive regex fallback",
                    e.getCode(), e.getErrorCodeName());
            return chosen;
        }
    }
}
