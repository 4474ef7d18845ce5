package nl.kamerqa.query;

import java.util.List;

/**
 * One page of results: the JSON shape {@code {items, page, size, total}} of every list endpoint.
 *
 * @param items the results on this page, at most {@code size}
 * @param page  0-based page number as requested
 * @param size  page size as requested
 * @param total number of results over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
