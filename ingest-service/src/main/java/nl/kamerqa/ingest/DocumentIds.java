package nl.kamerqa.ingest;

import nl.kamerqa.parser.OfficialIds;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Chooses the documentId a document is published under: an official identifier where one is known,
 * otherwise {@code sha256:<hex>} of the content, so the same bytes always get the same id.
 */
public final class DocumentIds {

    /** Prefix of ids derived from the content. */
    public static final String SHA256_PREFIX = "sha256:";

    /**
     * One shape of official identifier, as a caller is told about it when a documentId it sent has none of them.
     *
     * @param form    how it is written, placeholders in angle brackets, optional parts in square brackets
     * @param example a real identifier of that shape
     */
    public record Shape(String form, String example) {
    }

    private record Official(Shape shape, Predicate<String> matches) {
        Official(Shape shape, Pattern pattern) {
            this(shape, id -> pattern.matcher(id).matches());
        }
    }

    // convention: identifiers as used by officielebekendmakingen.nl and in its file names; the two the parser also
    // builds (Kamerstuk, Aanhangsel) have their shape from the parser's rule, so both sides agree on them
    private static final List<Official> OFFICIAL = List.of(
            // Kamerstuk: dossier, optional sub-dossier parts (roman numerals, letters), ondernummer
            new Official(new Shape("kst-<dossier>[-<toevoeging>]-<nr>", "kst-36200-VII-147"), OfficialIds::isKamerstuk),
            // Aanhangsel van de Handelingen (answers to Kamervragen)
            new Official(new Shape("ah-<tk|ek>-<vergaderjaar yyyyyyyy>-<nr>", "ah-tk-20222023-1234"),
                    OfficialIds::isAanhangsel),
            // Kamervragen zonder antwoord
            new Official(new Shape("kv-<tk|ek>-<yyyy>Z<nr>", "kv-tk-2023Z12345"),
                    Pattern.compile("kv-(?:tk|ek)-\\d{4}Z\\d{1,6}")),
            // Bijlage
            new Official(new Shape("blg-<nr>", "blg-1032749"), Pattern.compile("blg-\\d{1,9}")),
            // Handelingen
            new Official(new Shape("h-<tk|ek>-<vergaderjaar yyyyyyyy>-<vergadering>-<nr>[-<nr>]", "h-tk-20222023-12-3"),
                    Pattern.compile("h-(?:tk|ek)-\\d{8}(?:-\\d{1,4}){1,3}")));

    private DocumentIds() {
    }

    /** True when {@code id} has the shape of an official identifier. */
    public static boolean isOfficial(String id) {
        return id != null && OFFICIAL.stream().anyMatch(o -> o.matches().test(id));
    }

    /** Every shape {@link #isOfficial} accepts, in the order it tries them. */
    public static List<Shape> officialShapes() {
        return OFFICIAL.stream().map(Official::shape).toList();
    }

    /**
     * @param declared      an id the source proposed, or null; a feed's id of an unknown shape falls back to the file
     *                      name and the content (an upload's is refused before it gets here, see the HTTP API)
     * @param filename      the file name, or null; its stem counts when it is an official id ("kst-36200-VII-147.pdf")
     * @param contentSha256 lower-case hex SHA-256 of the content
     */
    public static String derive(String declared, String filename, String contentSha256) {
        String id = declared == null ? null : declared.strip();
        if (isOfficial(id)) {
            return id;
        }
        String stem = stem(filename);
        if (isOfficial(stem)) {
            return stem;
        }
        return SHA256_PREFIX + contentSha256;
    }

    /** The file name without directory and without its last extension. */
    static String stem(String filename) {
        if (filename == null) {
            return null;
        }
        String name = filename.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
