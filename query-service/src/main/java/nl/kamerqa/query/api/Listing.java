package nl.kamerqa.query.api;

import jakarta.servlet.http.HttpServletRequest;
import nl.kamerqa.query.Page;
import nl.kamerqa.query.search.IndexSearch;
import nl.kamerqa.query.search.SearchFilter;
import nl.kamerqa.query.search.SearchResult;
import nl.kamerqa.query.search.SortOrder;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.function.Function;

/** One list request, cursor-paged or (deprecated) offset-paged, answered the same way by both list endpoints. */
final class Listing {

    static final int LEGACY_DEFAULT_SIZE = 20;
    /** Offset paging reads every skipped result; beyond this, clients must use cursors. */
    static final int LEGACY_MAX_OFFSET = 10_000;

    private Listing() {
    }

    static ResponseEntity<Object> answer(SearchQuery query, HttpServletRequest request,
                                         Function<IndexSearch.Request, SearchResult> search) {
        SearchFilter filter = query.filter();
        SortOrder order = SearchParameters.sort(query.sort(), filter);
        List<String> facets = SearchParameters.facets(query.facets(), SearchParameters.LIST_FACETS);
        if (!query.legacyPaging()) {
            int limit = query.limit() == null ? SearchParameters.DEFAULT_LIMIT : query.limit();
            SearchResult result = search.apply(new IndexSearch.Request(filter, order, query.cursor(), limit, 0, facets));
            return ResponseEntity.ok(SearchParameters.body(result, request, !facets.isEmpty()));
        }
        if (query.cursor() != null) {
            throw new BadParameterException("cursor", "cannot be combined with the deprecated page/size");
        }
        int size = query.size() == null ? LEGACY_DEFAULT_SIZE : query.size();
        int page = query.page() == null ? 0 : query.page();
        long offset = (long) page * size;
        if (offset > LEGACY_MAX_OFFSET) {
            throw new BadParameterException("page", "reaches beyond result " + LEGACY_MAX_OFFSET + "; use cursor paging");
        }
        SearchResult result = search.apply(new IndexSearch.Request(filter, order, null, size, (int) offset, facets));
        // RFC 9745: the deprecated paging still works for one release; Link names the replacement
        return ResponseEntity.ok()
                .header("Deprecation", "true")
                .header("Link", "<" + SearchParameters.nextLink(request, null) + ">; rel=\"successor-version\"")
                .body(new Page<>(result.items(), page, size, result.total()));
    }
}
