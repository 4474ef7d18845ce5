package nl.kamerqa.ingest;

import nl.kamerqa.ingest.DocumentRejectedException.Reason;
import nl.kamerqa.parser.FormatSniffer;

/**
 * Tells the real media type of a document from its bytes; what a source declares is not trusted. Which format the
 * bytes are is decided by qa-parser's {@link FormatSniffer}, the same sniffer parser-service's parser uses, so a
 * document is accepted here exactly when the parser will know how to read it: PDF, Word (.docx and Word 97-2003 .doc),
 * OpenDocument text (.odt), XML, HTML and UTF-8 plain text. Anything else is refused with what the bytes look like
 * ({@link FormatSniffer#explain}: an Excel workbook, a PNG image, ...).
 */
public final class ContentSniffer {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String DOC = "application/msword";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String XML = "application/xml";
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    private ContentSniffer() {
    }

    /**
     * @return one of {@link #PDF}, {@link #DOCX}, {@link #DOC}, {@link #ODT}, {@link #XML}, {@link #HTML}, {@link #TEXT}
     * @throws DocumentRejectedException (UNSUPPORTED) with "unsupported content: ..." saying what the bytes look like
     */
    public static String sniff(byte[] bytes) {
        return switch (FormatSniffer.sniff(bytes)) {
            case PDF -> PDF;
            case DOCX -> DOCX;
            case DOC -> DOC;
            case ODT -> ODT;
            case XML -> XML;
            case HTML -> HTML;
            case PLAIN_TEXT -> TEXT;
            case UNKNOWN -> throw unsupported(FormatSniffer.explain(bytes));
        };
    }

    private static DocumentRejectedException unsupported(String what) {
        return new DocumentRejectedException(Reason.UNSUPPORTED, "unsupported content: " + what);
    }
}
