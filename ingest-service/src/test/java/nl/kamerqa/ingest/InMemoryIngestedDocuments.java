package nl.kamerqa.ingest;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ledger in memory, for intake tests; safe for the batch's concurrent use, and can be told to fail its writes. */
final class InMemoryIngestedDocuments implements IngestedDocuments {

    private final Map<String, IngestedDocument> entries = new LinkedHashMap<>();
    private RuntimeException writeFailure;

    @Override
    public synchronized Optional<IngestedDocument> find(String sha) {
        return Optional.ofNullable(entries.get(sha));
    }

    @Override
    public synchronized List<IngestedDocument> findByDocumentId(String documentId) {
        return entries.values().stream().filter(d -> d.documentId().equals(documentId))
                .sorted(Comparator.comparing(IngestedDocument::receivedAt)).toList();
    }

    @Override
    public synchronized void record(IngestedDocument document) {
        if (writeFailure != null) {
            throw writeFailure;
        }
        entries.putIfAbsent(document.contentSha256(), document);
    }

    synchronized IngestedDocument get(String sha) {
        return entries.get(sha);
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    synchronized void failWritesWith(RuntimeException failure) {
        this.writeFailure = failure;
    }
}
