package nl.kamerqa.ingest.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a source has done, summed over its lifetime (or one poll).
 *
 * @param fetched    documents downloaded
 * @param published  documents published to the raw topic
 * @param duplicates documents not published because that version was there already
 * @param failed     items that could not be had or were refused
 * @param deleted    deletions reported by the source for documents it had delivered
 */
public record Counts(long fetched, long published, long duplicates, long failed, long deleted) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(fetched + o.fetched, published + o.published, duplicates + o.duplicates,
                failed + o.failed, deleted + o.deleted);
    }

    @JsonIgnore // a question about the value, not a field of it: keep it out of the admin JSON and MongoDB
    public boolean isZero() {
        return equals(ZERO);
    }

    @Override
    public String toString() {
        return "fetched %d, published %d, duplicates %d, failed %d, deleted %d"
                .formatted(fetched, published, duplicates, failed, deleted);
    }
}
