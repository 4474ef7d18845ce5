package nl.kamerqa.localstack.faults;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * One thing sent to ingest-service's {@code POST /api/documents}.
 *
 * @param name        short label for the figures and failure messages
 * @param content     the bytes (the body, or the {@code file} part when {@code multipart})
 * @param contentType the declared Content-Type (of the body or the part); null sends none
 * @param params      query parameters (filename, title, sourceUrl, documentId)
 * @param multipart   send as multipart/form-data with a {@code file} part (or, with {@code content} null, without one)
 * @param expected    what a good pipeline does with it
 */
record Input(String name, byte[] content, String contentType, Map<String, String> params, boolean multipart,
             Expected expected) {

    /** What should become of an input. */
    enum Expected {
        /** A good report: stored with its questions. */
        STORED,
        /** Refused by ingest-service with this class of answer. */
        REJECTED_400, REJECTED_413, REJECTED_415,
        /** Passes ingest's checks; then either the parser dead-letters it with a reason or stores it without questions. */
        DEAD_LETTERED_OR_STORED_EMPTY,
        /** The same bytes as an input sent before: answered 200 DUPLICATE, nothing published. */
        DUPLICATE
    }

    Input {
        params = Map.copyOf(params);
    }

    static Input body(String name, byte[] content, String contentType, Expected expected) {
        return new Input(name, content, contentType, Map.of(), false, expected);
    }

    Input withParams(Map<String, String> p) {
        return new Input(name, content, contentType, p, multipart, expected);
    }

    Input asMultipart() {
        return new Input(name, content, contentType, params, true, expected);
    }

    String sha256() {
        return sha256(content == null ? new byte[0] : content);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + (content == null ? "no" : content.length) + " bytes)";
    }
}
