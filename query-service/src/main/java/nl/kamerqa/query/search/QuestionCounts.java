package nl.kamerqa.query.search;

import java.util.List;

/** Questions per value of one dimension, for dashboards: {@code {by, total, counts: [{value, count}]}}. */
public record QuestionCounts(String by, long total, List<FacetCount> counts) {
}
