package nl.kamerqa.query.search;

import nl.kamerqa.query.index.IndexFields;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts and answer times for dashboards, computed once per index refresh and filter. */
@Service
public class Statistics {

    private static final int ALL_VALUES = 100_000;
    private static final String KAMERVRAGEN = "KAMERVRAGEN";

    private final IndexSearch search;
    private final ReaderCache cache = new ReaderCache();

    public Statistics(IndexSearch search) {
        this.search = search;
    }

    /** Questions matching the filter, counted per value of {@code by} (one of {@link IndexFields#FACETS}). */
    public QuestionCounts questions(String by, SearchFilter filter) {
        return search.index().search(searcher -> cache.get(searcher.getIndexReader(), List.of("counts", by, filter), () -> {
            try {
                Query query = search.query(IndexFields.KIND_QUESTION, filter);
                FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
                long total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
                return new QuestionCounts(by, total, search.counts(searcher, matches, List.of(by), ALL_VALUES).get(by));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    /** Median, p90 and maximum answer time per ministry over the answered Kamervragen matching the filter. */
    public List<AnswerTime> answerTimes(SearchFilter filter) {
        return search.index().search(searcher -> cache.get(searcher.getIndexReader(), List.of("answers", filter), () -> {
            try {
                return answerTimes(searcher, filter);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    private List<AnswerTime> answerTimes(IndexSearcher searcher, SearchFilter filter) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(search.query(IndexFields.KIND_DOCUMENT, filter), Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.GENRE, KAMERVRAGEN)), Occur.FILTER)
                .build();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        Map<String, List<Long>> days = new TreeMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            NumericDocValues answerDays = DocValues.getNumeric(leaf.reader(), IndexFields.ANSWER_DAYS);
            SortedDocValues ministry = DocValues.getSorted(leaf.reader(), IndexFields.MINISTRY);
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (answerDays.advanceExact(doc) && ministry.advanceExact(doc)) {
                    String name = ministry.lookupOrd(ministry.ordValue()).utf8ToString();
                    days.computeIfAbsent(name, k -> new ArrayList<>()).add(answerDays.longValue());
                }
            }
        }
        List<AnswerTime> times = new ArrayList<>();
        days.forEach((name, values) -> {
            Collections.sort(values);
            times.add(new AnswerTime(name, values.size(), rank(values, 0.5), rank(values, 0.9), values.get(values.size() - 1)));
        });
        return times;
    }

    /** Nearest-rank percentile of sorted values. */
    static long rank(List<Long> sorted, double percentile) {
        int rank = (int) Math.ceil(percentile * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
