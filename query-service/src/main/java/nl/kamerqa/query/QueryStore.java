package nl.kamerqa.query;

import java.util.Map;
import java.util.Optional;

/**
 * Read access to the system of record (MongoDB) by id. Lists and searches come from the search index instead
 * ({@code nl.kamerqa.query.search}). Results are JSON-ready maps of the stored fields, with the stored {@code _id}
 * returned as {@code id}.
 */
public interface QueryStore {

    /** One document with a {@code questions} array ordered by {@code seq}. */
    Optional<Map<String, Object>> document(String documentId);

    /** One question by its id, documentId + "#" + number. */
    Optional<Map<String, Object>> question(String id);

    /** Question ids are the documentId and the printed number joined by '#', e.g. {@code kst-36200-VII-147#7}. */
    static String questionId(String documentId, String number) {
        return documentId + "#" + number;
    }
}
