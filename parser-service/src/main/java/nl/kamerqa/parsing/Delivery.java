package nl.kamerqa.parsing;

import nl.kamerqa.contracts.RawDocument;

/** One raw event as read from the raw topic: its value (null for a tombstone) and where it was read. */
public record Delivery(RawDocument raw, Origin origin) {
}
