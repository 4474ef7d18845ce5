package nl.kamerqa.query.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param items  the entries' JSON, with {@code highlights} when searched with text
 * @param total  all matches of the filter
 * @param cursor the position after the last item, null when there are no more
 * @param facets counts per value for each asked dimension, over all matches
 */
public record SearchResult(List<Map<String, Object>> items, long total, String cursor,
                           Map<String, List<FacetCount>> facets) {
}
