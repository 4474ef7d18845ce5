package nl.kamerqa.ingest;

import java.util.List;
import java.util.Optional;

/** Which contents have been published already (MongoDB collection {@code ingested}). */
public interface IngestedDocuments {

    /**
     * @return the entry for this content, empty when it was never published
     * @throws IntakeUnavailableException when the store cannot answer
     */
    Optional<IngestedDocument> find(String contentSha256);

    /**
     * Every content recorded under this documentId (published versions and joined copies), oldest first.
     *
     * @throws IntakeUnavailableException when the store cannot answer
     */
    List<IngestedDocument> findByDocumentId(String documentId);

    /**
     * Records a published content; recording the same content twice keeps the first entry.
     *
     * @throws IntakeUnavailableException when the store cannot be written
     */
    void record(IngestedDocument document);
}
