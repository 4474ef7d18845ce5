package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.extracted.ExtractedText;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads an OpenDocument text: its text through the text reader (like Word), then what the text does not say taken
 * from the metadata officielebekendmakingen writes into meta.xml, with the same rules as the HTML page's meta
 * elements ({@link Publications}): the official identifier, the Kamer, the vergaderjaar, dossier and ondernummer.
 */
public final class OdtDocumentReader {

    private OdtDocumentReader() {
    }

    /** @param readText the reader of typed lines, e.g. {@code QaParser}'s */
    public static ParsedDocument read(byte[] odt, Function<ExtractedText, ParsedDocument> readText) {
        Objects.requireNonNull(odt, "odt");
        OdtTextExtractor.Result extracted = OdtTextExtractor.extract(odt);
        return Publications.withMetadata(readText.apply(extracted.lines()), extracted.metadata());
    }

    /** The metadata alone (for tests and tools). */
    static Map<String, String> metadata(byte[] odt) {
        return OdtTextExtractor.extract(odt).metadata();
    }
}
