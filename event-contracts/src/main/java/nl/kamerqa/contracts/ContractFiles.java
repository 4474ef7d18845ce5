package nl.kamerqa.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The machine-readable contract of the topics, packaged with the records: the AsyncAPI document and the JSON Schemas
 * (2020-12) of the event values. Names are paths relative to the AsyncAPI document, as its {@code $ref}s use them, so a
 * server that serves each file under its name (query-service: {@code /asyncapi.yaml}, {@code /schemas/...}) keeps the
 * references working. Read through this class because the module does not open its resources to others.
 */
public final class ContractFiles {
    public static final String ASYNCAPI = "asyncapi.yaml";
    public static final String RAW_DOCUMENT_SCHEMA = "schemas/raw-document.schema.json";
    public static final String PARSED_DOCUMENT_SCHEMA = "schemas/parsed-document.schema.json";
    public static final List<String> ALL = List.of(ASYNCAPI, RAW_DOCUMENT_SCHEMA, PARSED_DOCUMENT_SCHEMA);

    private ContractFiles() {
    }

    /** The file's bytes; only the names in {@link #ALL} are served, so a request path cannot reach other resources. */
    public static byte[] read(String name) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException("no contract file " + name);
        }
        try (InputStream in = ContractFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from event-contracts' resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
