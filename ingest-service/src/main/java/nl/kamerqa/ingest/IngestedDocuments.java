package nl.kamerqa.ingest;

import java.util.Optional;

/** Which contents have been published already (MongoDB collection {@code ingested}). */
public interface IngestedDocuments {

    /**
     * @return the entry for this content, empty when it was never published
     * @throws IntakeUnavailableException when the store cannot answer
     */
    Optional<IngestedDocument> find(String contentSha256);

    /**
     * Records a published content; recording the same content twice keeps the first entry.
     *
     * @throws IntakeUnavailableException when the store cannot be written
     */
    void record(IngestedDocument document);
}
