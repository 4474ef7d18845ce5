package nl.kamerqa.ingest;

import nl.kamerqa.contracts.RawDocument;

/** Sends a {@link RawDocument} to the raw topic. */
public interface RawDocumentPublisher {

    /**
     * Publishes and returns only once the broker has acknowledged the record.
     *
     * @throws IntakeUnavailableException      when the broker did not acknowledge in time
     * @throws DocumentRejectedException (TOO_LARGE) when the broker refuses the record for its size
     */
    void publish(RawDocument document);
}
