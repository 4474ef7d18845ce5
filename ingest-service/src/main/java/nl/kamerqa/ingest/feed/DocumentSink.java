package nl.kamerqa.ingest.feed;

import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.IntakeResult;

/** Where the sources hand their documents: {@link nl.kamerqa.ingest.DocumentIntake#accept} in the service. */
@FunctionalInterface
public interface DocumentSink {

    /**
     * @throws nl.kamerqa.ingest.DocumentRejectedException  when the document itself cannot be taken in
     * @throws nl.kamerqa.ingest.IntakeUnavailableException when the broker or store is away; try again later
     */
    IntakeResult accept(IncomingDocument document);
}
