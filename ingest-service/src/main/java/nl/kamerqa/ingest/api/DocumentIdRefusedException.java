package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.DocumentIds;

import java.util.stream.Collectors;

/**
 * A caller sent a {@value #PARAMETER} the upload cannot keep: 400 naming the parameter and the accepted shapes.
 * Refused rather than replaced by an id of our choosing, so a caller never finds its document under another name.
 */
public class DocumentIdRefusedException extends RuntimeException {

    public static final String PARAMETER = "documentId";
    private static final int MAX_ECHO = 100;

    private DocumentIdRefusedException(String message) {
        super(message);
    }

    /** A documentId of none of the official shapes. */
    static DocumentIdRefusedException notOfficial(String sent) {
        String echo = sent.length() > MAX_ECHO ? sent.substring(0, MAX_ECHO) + "..." : sent;
        return new DocumentIdRefusedException(("%s '%s' is not an official identifier; accepted shapes: %s. Leave %s "
                + "out to have the id taken from the file name, else from the content (sha256:<hex>)")
                .formatted(PARAMETER, echo, shapes(), PARAMETER));
    }

    /** A documentId sent to the batch upload, where it could not say which part it names. */
    static DocumentIdRefusedException perBatch() {
        return new DocumentIdRefusedException(("%s is not accepted by the batch upload: each part's id comes from its "
                + "file name (<id>.<extension>) when that is of an accepted shape: %s; else from its content "
                + "(sha256:<hex>). Send a document with an id of your own through POST %s")
                .formatted(PARAMETER, shapes(), DocumentController.PATH));
    }

    private static String shapes() {
        return DocumentIds.officialShapes().stream().map(s -> s.form() + " (e.g. " + s.example() + ")")
                .collect(Collectors.joining(", "));
    }
}
