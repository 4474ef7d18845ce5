package nl.kamerqa.query.search;

import nl.kamerqa.query.index.IndexFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.Map;

/**
 * A filter as a Lucene query. User text goes through {@link SimpleQueryParser} with only phrases and whitespace as
 * operators, so no input is a syntax error or an operator: "(art. 3.1)" is the words art and 3.1, ".*" no word at
 * all (and matches nothing).
 */
final class Queries {

    private static final int TEXT_FLAGS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR;
    private static final Map<String, Float> TEXT_FIELDS = Map.of(IndexFields.TEXT, 1.0f, IndexFields.ANSWER, 1.0f);

    private final Analyzer analyzer;

    Queries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The full-text part alone (for highlighting), null without {@code q}. */
    Query text(SearchFilter filter) {
        return filter.q() == null ? null : words(TEXT_FIELDS, filter.q());
    }

    Query of(String kind, SearchFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new TermQuery(new Term(IndexFields.KIND, kind)), Occur.FILTER);
        Query text = text(filter);
        if (text != null) {
            query.add(text, Occur.MUST); // scores: relevance is the text match
        }
        if (!filter.parties().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            filter.parties().forEach(p -> any.add(new TermQuery(new Term(IndexFields.PARTY, IndexFields.partyKey(p))), Occur.SHOULD));
            query.add(any.build(), Occur.FILTER);
        }
        exact(query, IndexFields.DOCUMENT_ID, filter.documentId());
        exact(query, IndexFields.DOSSIER, filter.dossier() == null ? null : IndexFields.dossierKey(filter.dossier()));
        exact(query, IndexFields.GENRE, filter.genre() == null ? null : IndexFields.genreKey(filter.genre()));
        exact(query, IndexFields.ANSWERED, filter.answered() == null ? null : filter.answered().toString());
        if (filter.answeredBy() != null) {
            query.add(words(Map.of(IndexFields.ANSWERED_BY, 1.0f), filter.answeredBy()), Occur.FILTER);
        }
        if (filter.asker() != null) {
            query.add(words(Map.of(IndexFields.ASKER, 1.0f), filter.asker()), Occur.FILTER);
        }
        if (filter.from() != null || filter.to() != null) {
            long from = filter.from() == null ? Long.MIN_VALUE : filter.from().toEpochDay();
            long to = filter.to() == null ? Long.MAX_VALUE : filter.to().toEpochDay();
            query.add(LongPoint.newRangeQuery(IndexFields.DATE, from, to), Occur.FILTER);
        }
        return query.build();
    }

    private static void exact(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    /** Every word required (in any of the fields), "quoted phrases" as phrases; no words at all matches nothing. */
    private Query words(Map<String, Float> fields, String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, fields, TEXT_FLAGS);
        parser.setDefaultOperator(Occur.MUST);
        Query parsed = parser.parse(text);
        return parsed == null ? new MatchNoDocsQuery("no words") : parsed;
    }
}
