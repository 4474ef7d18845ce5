package nl.kamerqa.query.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** When the $text probe decides the search path, and when it must not. */
class AdaptiveQuestionSearchTest {

    private final TextIndexSearch text = new TextIndexSearch();
    private final RegexSearch regex = new RegexSearch();
    @SuppressWarnings("unchecked")
    private final MongoCollection<Document> questions = mock(MongoCollection.class);
    @SuppressWarnings("unchecked")
    private final FindIterable<Document> probe = mock(FindIterable.class);
    private AdaptiveQuestionSearch search;

    @BeforeEach
    void setUp() {
        when(questions.find(any(Bson.class))).thenReturn(probe);
        when(probe.limit(1)).thenReturn(probe);
        search = new AdaptiveQuestionSearch(questions, text, regex);
    }

    @Test
    void serverAnsweringTextIsProbedOnceAndTextIsUsedFromThenOn() {
        when(probe.first()).thenReturn(null);

        assertThat(render(search.filter("gemeentefonds"))).isEqualTo(render(text.filter("gemeentefonds")));
        assertThat(render(search.filter("jeugdzorg"))).isEqualTo(render(text.filter("jeugdzorg")));

        verify(questions, times(1)).find(any(Bson.class));
        assertThat(search.name()).isEqualTo("text");
    }

    @Test
    void serverRefusingTextIsProbedOnceAndRegexIsUsedFromThenOn() {
        when(probe.first()).thenThrow(serverError(2, "BadValue", "unknown operator: $search"));

        assertThat(render(search.filter("gemeentefonds"))).isEqualTo(render(regex.filter("gemeentefonds")));
        assertThat(render(search.filter("jeugdzorg"))).isEqualTo(render(regex.filter("jeugdzorg")));

        verify(questions, times(1)).find(any(Bson.class));
        assertThat(search.name()).isEqualTo("regex");
    }

    @Test
    void missingTextIndexFallsBackForNowAndProbesAgainLater() {
        when(probe.first()).thenThrow(serverError(AdaptiveQuestionSearch.INDEX_NOT_FOUND, "IndexNotFound",
                "text index required for $text query")).thenReturn(null);

        assertThat(render(search.filter("gemeentefonds"))).isEqualTo(render(regex.filter("gemeentefonds")));
        assertThat(search.chosen()).isNull();
        assertThat(render(search.filter("gemeentefonds"))).isEqualTo(render(text.filter("gemeentefonds")));
        assertThat(search.name()).isEqualTo("text");
    }

    @Test
    void unreachableServerDecidesNothing() {
        when(probe.first()).thenThrow(new MongoTimeoutException("no server")).thenReturn(null);

        assertThatThrownBy(() -> search.filter("gemeentefonds")).isInstanceOf(MongoTimeoutException.class);
        assertThat(search.chosen()).isNull();
        assertThat(render(search.filter("gemeentefonds"))).isEqualTo(render(text.filter("gemeentefonds")));
    }

    @Test
    void textSearchIsOnePhraseWithoutTheUsersQuotes() {
        assertThat(render(text.filter("\"gemeente\" -fonds"))).isEqualTo(
                "{\"$text\": {\"$search\": \"\\\"gemeente  -fonds\\\"\"}}");
    }

    @Test
    void regexSearchQuotesTheTermAndLooksInQuestionAndAnswer() {
        assertThat(render(regex.filter("a.*b"))).contains("\\\\Qa.*b\\\\E").contains("\"text\"").contains("\"answer.text\"");
    }

    private static MongoCommandException serverError(int code, String name, String message) {
        BsonDocument response = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("codeName", new BsonString(name)).append("errmsg", new BsonString(message));
        return new MongoCommandException(response, new ServerAddress());
    }

    private static String render(Bson filter) {
        return filter.toBsonDocument().toJson();
    }
}
