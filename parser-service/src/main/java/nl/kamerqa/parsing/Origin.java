package nl.kamerqa.parsing;

/** Where a raw event was read from, recorded as the stored document's provenance. */
public record Origin(String topic, int partition, long offset) {
}
