package nl.kamerqa.query.search;

import nl.kamerqa.query.index.IndexFields;
import nl.kamerqa.query.index.QuestionIndex;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Searches the index: result pages with cursors, highlights and facets, and single questions by id. */
@Service
public class IndexSearch {

    /** Exact totals are counted separately past this many hits, so sorting stops early on big result sets. */
    private static final int TOTAL_HITS_THRESHOLD = 1_000;
    private static final int FACET_VALUES = 200;
    private static final int PASSAGES = 2;

    /**
     * One page to read.
     *
     * @param cursor the {@link SearchResult#cursor()} of the previous page, null for the first
     * @param offset results to skip first (the deprecated page/size paging); 0 with cursors
     * @param facets facet dimensions to count
     */
    public record Request(SearchFilter filter, SortOrder order, String cursor, int limit, int offset,
                          List<String> facets) {
    }

    private final QuestionIndex index;
    private final Analyzer analyzer = IndexFields.analyzer();
    private final Queries queries = new Queries(analyzer);
    private final JsonMapper json;
    private final ReaderCache facetStates = new ReaderCache();

    public IndexSearch(QuestionIndex index, JsonMapper json) {
        this.index = index;
        this.json = json;
    }

    public SearchResult questions(Request request) {
        return search(IndexFields.KIND_QUESTION, request);
    }

    public SearchResult documents(Request request) {
        return search(IndexFields.KIND_DOCUMENT, request);
    }

    public Optional<Map<String, Object>> question(String id) {
        return index.search(searcher -> {
            Query query = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_QUESTION)), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ID, id)), Occur.FILTER).build();
            TopDocs top = searcher.search(query, 1);
            return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(source(searcher, top.scoreDocs[0].doc));
        });
    }

    Query query(String kind, SearchFilter filter) {
        return queries.of(kind, filter);
    }

    /**
     * Counts per value of each facet dimension over the matches of a query (up to {@code values} values per
     * dimension, most frequent first). The matches are counted once for all dimensions.
     */
    Map<String, List<FacetCount>> counts(IndexSearcher searcher, FacetsCollector matches, List<String> dimensions,
                                         int values) throws IOException {
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(searcher);
        SortedSetDocValuesFacetCounts counted = state == null ? null : new SortedSetDocValuesFacetCounts(state, matches);
        for (String dimension : dimensions) {
            counts.put(dimension, counted == null ? List.of() : top(counted, dimension, values));
        }
        return counts;
    }

    private static List<FacetCount> top(SortedSetDocValuesFacetCounts counted, String dimension, int values)
            throws IOException {
        FacetResult result;
        try {
            result = counted.getTopChildren(values, dimension);
        } catch (IllegalArgumentException e) {
            return List.of(); // no entry has this dimension yet
        }
        List<FacetCount> counts = new ArrayList<>();
        if (result != null) {
            for (LabelAndValue value : result.labelValues) {
                counts.add(new FacetCount(value.label, value.value.longValue()));
            }
        }
        return counts;
    }

    QuestionIndex index() {
        return index;
    }

    private SearchResult search(String kind, Request request) {
        return index.search(searcher -> {
            Query query = queries.of(kind, request.filter());
            FieldDoc after = request.cursor() == null ? null : Cursor.decode(request.cursor(), request.order()).toFieldDoc();
            int wanted = request.offset() + request.limit() + 1; // one more tells whether there is a next page
            TopDocs top = searcher.search(query, new TopFieldCollectorManager(Cursor.sortOf(request.order()), wanted,
                    after, TOTAL_HITS_THRESHOLD));
            long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO && after == null
                    ? top.totalHits.value : searcher.count(query);
            ScoreDoc[] hits = top.scoreDocs;
            int from = Math.min(request.offset(), hits.length);
            int to = Math.min(from + request.limit(), hits.length);
            ScoreDoc[] page = Arrays.copyOfRange(hits, from, to);
            List<Map<String, Object>> items = new ArrayList<>(page.length);
            for (ScoreDoc hit : page) {
                items.add(source(searcher, hit.doc));
            }
            Query text = queries.text(request.filter());
            if (text != null && kind.equals(IndexFields.KIND_QUESTION) && page.length > 0) {
                highlight(searcher, text, page, items);
            }
            String next = hits.length > to ? Cursor.after(request.order(), (FieldDoc) page[page.length - 1]).encode() : null;
            Map<String, List<FacetCount>> facets = request.facets().isEmpty() ? Map.of()
                    : counts(searcher, searcher.search(query, new FacetsCollectorManager()), request.facets(), FACET_VALUES);
            return new SearchResult(items, total, next, facets);
        });
    }

    /** Matched words marked with {@code <mark>} in HTML-escaped passages of question and answer. */
    private void highlight(IndexSearcher searcher, Query text, ScoreDoc[] page, List<Map<String, Object>> items)
            throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .build();
        int[] docs = Arrays.stream(page).mapToInt(hit -> hit.doc).toArray();
        Map<String, String[]> marked = highlighter.highlightFields(new String[]{IndexFields.TEXT, IndexFields.ANSWER},
                text, docs, new int[]{PASSAGES, PASSAGES});
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> snippets = new LinkedHashMap<>();
            snippets.put("question", marked.get(IndexFields.TEXT)[i]);
            snippets.put("answer", marked.get(IndexFields.ANSWER)[i]);
            snippets.values().removeIf(v -> v == null);
            items.get(i).put("highlights", snippets);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> source(IndexSearcher searcher, int doc) throws IOException {
        BytesRef stored = searcher.storedFields().document(doc, java.util.Set.of(IndexFields.SOURCE))
                .getBinaryValue(IndexFields.SOURCE);
        return json.readValue(stored.bytes, stored.offset, stored.length, LinkedHashMap.class);
    }

    private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) {
        return facetStates.get(searcher.getIndexReader(), "state", () -> {
            try {
                return new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), IndexFields.FACETS_CONFIG);
            } catch (IllegalArgumentException e) {
                return null; // empty index: no facet values at all
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
