package nl.kamerqa.query.api;

import nl.kamerqa.contracts.Genre;
import nl.kamerqa.query.index.IndexFields;
import nl.kamerqa.query.search.SearchFilter;
import nl.kamerqa.query.search.SortOrder;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The checks and conversions the list endpoints share. */
final class SearchParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    /** The dimensions a list can be counted by ({@code facets=}); month only in the statistics. */
    static final List<String> LIST_FACETS = List.of(IndexFields.FACET_PARTY, IndexFields.FACET_GENRE,
            IndexFields.FACET_YEAR, IndexFields.FACET_ANSWERED_BY);

    private SearchParameters() {
    }

    static SearchFilter filter(String q, List<String> party, String documentId, String dossier, String genre,
                               String answeredBy, String asker, LocalDate from, LocalDate to, Boolean answered) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "must not be after to (" + from + " > " + to + ")");
        }
        checkGenre(genre);
        return new SearchFilter(q, party, documentId, dossier, genre, answeredBy, asker, from, to, answered);
    }

    /** A genre the parser knows ({@link Genre}), in any case; a misspelled one would silently match nothing. */
    static void checkGenre(String genre) {
        if (genre != null && !genre.isBlank() && Genre.of(genre).isEmpty()) {
            throw new BadParameterException("genre", "must be one of " + Arrays.stream(Genre.values())
                    .map(Genre::name).collect(Collectors.joining(", ")) + " (any case)");
        }
    }

    /** relevance with text, newest first without; relevance without text has nothing to rank by. */
    static SortOrder sort(String sort, SearchFilter filter) {
        if (sort == null || sort.isBlank()) {
            return filter.q() != null ? SortOrder.RELEVANCE : SortOrder.NEWEST_FIRST;
        }
        SortOrder order = SortOrder.ofParameter(sort.strip()).orElseThrow(() ->
                new BadParameterException("sort", "must be one of relevance, date, -date"));
        if (order == SortOrder.RELEVANCE && filter.q() == null) {
            throw new BadParameterException("sort", "relevance needs q");
        }
        return order;
    }

    static List<String> facets(String facets, List<String> allowed) {
        List<String> asked = new ArrayList<>();
        if (facets == null || facets.isBlank()) {
            return asked;
        }
        for (String name : facets.split(",")) {
            String dimension = name.strip();
            if (!allowed.contains(dimension)) {
                throw new BadParameterException("facets", "must name some of " + String.join(", ", allowed)
                        + ", got '" + (dimension.length() > 40 ? dimension.substring(0, 40) + "..." : dimension) + "'");
            }
            if (!asked.contains(dimension)) {
                asked.add(dimension);
            }
        }
        return asked;
    }

    /** This request's URL with the cursor of the next page (and without the deprecated paging). */
    static String nextLink(HttpServletRequest request, String cursor) {
        String query = request.getQueryString();
        UriComponentsBuilder link = UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam("cursor").replaceQueryParam("page").replaceQueryParam("size");
        if (cursor != null) {
            link.queryParam("cursor", cursor); // base64url: nothing to encode
        }
        return link.build(true).toUriString();
    }

    /** The cursor-paged list body: {items, total, next, cursor, facets}. */
    static Map<String, Object> body(nl.kamerqa.query.search.SearchResult result, HttpServletRequest request,
                                    boolean withFacets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.items());
        body.put("total", result.total());
        body.put("next", result.cursor() == null ? null : nextLink(request, result.cursor()));
        body.put("cursor", result.cursor());
        if (withFacets) {
            body.put("facets", result.facets());
        }
        return body;
    }
}
