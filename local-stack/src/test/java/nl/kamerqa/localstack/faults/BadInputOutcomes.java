package nl.kamerqa.localstack.faults;

import nl.kamerqa.localstack.faults.BadInputFaultTest.Outcome;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.kamerqa.localstack.faults.BadInputFaultTest.Outcome.DEAD_LETTERED;
import static nl.kamerqa.localstack.faults.BadInputFaultTest.Outcome.DUPLICATE;
import static nl.kamerqa.localstack.faults.BadInputFaultTest.Outcome.REJECTED;
import static nl.kamerqa.localstack.faults.BadInputFaultTest.Outcome.STORED_EMPTY;

/**
 * What exactly becomes of each bad input ({@link BadInputs}, and the two poison records): the outcome, the HTTP status
 * ingest answered (0 for a record written straight to Kafka) and words its reason must contain (ingest's problem
 * detail, the dead letter's reason header, or, stored without questions, the document's question count and warning).
 */
final class BadInputOutcomes {

    record Expectation(Outcome outcome, int status, String reason) {
    }

    private static final String NOT_UTF8 = "unsupported content: binary data or text that is not UTF-8";
    private static final String NO_QUESTIONS = " 0 questions, warnings [";
    private static final String EMPTY = "the document is empty (0 bytes)";

    static final Map<String, Expectation> EXPECTED = expected();

    private BadInputOutcomes() {
    }

    private static Map<String, Expectation> expected() {
        Map<String, Expectation> e = new LinkedHashMap<>();
        e.put("empty-text", new Expectation(REJECTED, 400, EMPTY));
        e.put("empty-octet-stream", new Expectation(REJECTED, 400, EMPTY));
        e.put("empty-multipart-file", new Expectation(REJECTED, 400, EMPTY));
        e.put("multipart-without-file-part", new Expectation(REJECTED, 400, "Required part 'file' is not present"));
        e.put("binary-noise-1024", new Expectation(REJECTED, 415, NOT_UTF8));
        e.put("binary-noise-102400", new Expectation(REJECTED, 415, NOT_UTF8));
        e.put("binary-noise-5242880", new Expectation(REJECTED, 415, NOT_UTF8));
        e.put("truncated-pdf-30pct", new Expectation(DEAD_LETTERED, 202, "PDF is truncated or corrupt: no %%EOF marker"));
        e.put("truncated-pdf-60pct", new Expectation(DEAD_LETTERED, 202, "PDF is truncated or corrupt: no %%EOF marker"));
        e.put("truncated-pdf-90pct", new Expectation(DEAD_LETTERED, 202, "PDF is truncated or corrupt: no %%EOF marker"));
        e.put("pdf-header-then-garbage", new Expectation(DEAD_LETTERED, 202, "PDF is corrupt"));
        e.put("latin1-text", new Expectation(REJECTED, 415, NOT_UTF8));
        e.put("utf8-lone-continuation-bytes", new Expectation(REJECTED, 415, NOT_UTF8));
        e.put("utf8-overlong-slash", new Expectation(REJECTED, 415, NOT_UTF8));
        e.put("utf8-truncated-sequence-at-end", new Expectation(REJECTED, 415, NOT_UTF8));
        e.put("utf16-text", new Expectation(REJECTED, 415, "UTF-16 text; send it as UTF-8"));
        e.put("text-with-nul-bytes", new Expectation(REJECTED, 415, "binary data (contains NUL bytes"));
        e.put("png-image", new Expectation(REJECTED, 415, "a PNG image"));
        e.put("gzip-of-a-report", new Expectation(REJECTED, 415, "gzip-compressed data"));
        e.put("zip-not-docx", new Expectation(REJECTED, 415,
                "a zip archive that is not a Word (.docx) or OpenDocument text (.odt) document"));
        e.put("ole2-not-word", new Expectation(REJECTED, 415,
                "a legacy Office/OLE file that is no Word 97-2003 document (no WordDocument stream)"));
        e.put("report-declared-image-png", new Expectation(REJECTED, 415, "Content-Type 'image/png' is not accepted"));
        e.put("text-30MB", new Expectation(REJECTED, 413, "more than the limit of"));
        e.put("text-30MB-multipart", new Expectation(REJECTED, 413, "more than the limit of"));
        e.put("source-url-javascript", new Expectation(REJECTED, 400, "sourceUrl is not an absolute http(s) URL"));
        e.put("title-3000-chars", new Expectation(REJECTED, 400, "metadata value longer than 2048 characters"));
        e.put("html-no-questions", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("html-script-and-style", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("html-table-only", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("xml-nested-10000-deep", new Expectation(DEAD_LETTERED, 202, "XML nests deeper than 256 elements"));
        e.put("xml-nested-200000-deep", new Expectation(DEAD_LETTERED, 202, "XML nests deeper than 256 elements"));
        e.put("xml-billion-laughs", new Expectation(DEAD_LETTERED, 202, "XML declares a DTD with entities: refused"));
        e.put("xml-external-entity", new Expectation(DEAD_LETTERED, 202, "XML declares a DTD with entities: refused"));
        e.put("pdf-flate-bomb-300MB", new Expectation(DEAD_LETTERED, 202, "PDF content decodes to more than"));
        e.put("pdf-flate-bomb-2GB", new Expectation(DEAD_LETTERED, 202, "PDF content decodes to more than"));
        e.put("pdf-no-text-layer", new Expectation(DEAD_LETTERED, 202, "PDF has no text layer"));
        e.put("pdf-no-text-layer-3MB", new Expectation(DEAD_LETTERED, 202, "PDF has no text layer"));
        e.put("docx-corrupt-document-xml", new Expectation(DEAD_LETTERED, 202, "Word document could not be read"));
        e.put("random-words-50KB", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("random-unicode-100KB", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("only-whitespace", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("one-5MB-line", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        // ingest asks the parser's own sniffer: text that is mostly control characters is refused at the door
        e.put("control-characters", new Expectation(REJECTED, 415, "text with too many control characters"));
        e.put("random-words-12MB", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("footer-only", new Expectation(STORED_EMPTY, 202, "kst-99999-9001 0 questions, warnings [no questions found"));
        e.put("answers-without-questions", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("bom-then-markup-noise", new Expectation(STORED_EMPTY, 202, NO_QUESTIONS));
        e.put("truncated-pdf-60pct-again", new Expectation(DUPLICATE, 200, "same bytes as sha256:"));
        e.put("poison-not-json (via Kafka)", new Expectation(DEAD_LETTERED, 0, "not a RawDocument JSON value"));
        e.put("poison-sha-mismatch (via Kafka)", new Expectation(DEAD_LETTERED, 0,
                "invalid raw event: content does not match contentSha256"));
        return e;
    }
}
