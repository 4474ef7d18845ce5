package nl.kamerqa.query.search;

/** How many results have this value of a facet (a party, a year, ...). */
public record FacetCount(String value, long count) {
}
