package nl.kamerqa.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import nl.kamerqa.query.QuestionFilter;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The query a filter becomes, rendered as BSON: whatever the user typed, the only operators in it are the ones the
 * store puts there itself, and the typed text is only ever a value.
 */
class MongoQueryStoreFilterTest {

    /** $regex/$options: party and the regex search; $text/$search: the text search; $and/$or: combining them. */
    private static final Set<String> OWN_OPERATORS = Set.of("$and", "$or", "$regex", "$options", "$text", "$search");

    @ParameterizedTest
    @ValueSource(strings = {"{\"$where\": \"sleep(1000)\"}", "{\"$ne\": null}", "$where", "{\"$regex\": \".*\"}",
            "$gt", "a\"}, {\"$where\": \"1\"", "\\E.*\\Q"})
    void typedTextNeverBecomesAnOperatorOnEitherSearchPath(String typed) {
        for (QuestionSearch search : new QuestionSearch[]{new RegexSearch(), new TextIndexSearch()}) {
            BsonDocument query = store(search).toQuery(new QuestionFilter(typed, typed, typed)).toBsonDocument();

            assertThat(operators(query)).as("%s via %s: %s", typed, search.name(), query.toJson())
                    .isSubsetOf(OWN_OPERATORS);
            assertThat(query.getArray("$and").get(1).asDocument().getString("documentId").getValue())
                    .as("documentId is compared as a plain string").isEqualTo(typed);
        }
    }

    private static MongoQueryStore store(QuestionSearch search) {
        MongoDatabase database = mock(MongoDatabase.class);
        @SuppressWarnings("unchecked")
        MongoCollection<Document> collection = mock(MongoCollection.class);
        when(database.getCollection(anyString())).thenReturn(collection);
        return new MongoQueryStore(database, search);
    }

    /** Every key starting with '$', at any depth. */
    private static Set<String> operators(BsonValue value) {
        Set<String> found = new HashSet<>();
        if (value.isDocument()) {
            for (Map.Entry<String, BsonValue> entry : value.asDocument().entrySet()) {
                if (entry.getKey().startsWith("$")) {
                    found.add(entry.getKey());
                }
                found.addAll(operators(entry.getValue()));
            }
        } else if (value.isArray()) {
            value.asArray().forEach(item -> found.addAll(operators(item)));
        }
        return found;
    }
}
