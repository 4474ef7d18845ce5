package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Lines of a PDF as the text parser reads them ({@link ExtractedText}: each with its PDF page and its role), built
 * from glyph positions and sizes (Apache PDFBox 3); {@link #extract} gives the same as plain text:
 * <ul>
 *   <li>one line per visual line, in reading order; in the plain text, pages separated by a form feed {@code \f},
 *       so page <i>i</i> of the PDF is page <i>i</i> of the text;</li>
 *   <li>line-end hyphens kept as printed (the text parser joins the soft ones);</li>
 *   <li>running headers/footers (same text modulo digits at the same height on most pages) and bare page numbers
 *       dropped, except the official footer line ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1"), which
 *       ends its page after a blank line;</li>
 *   <li>the page's footnotes (the small print at its bottom) before the footer, after a blank line, each as
 *       "N text" with its continuation lines after it, number first wherever the PDF prints it;</li>
 *   <li>footnote markers (smaller, raised digits) written as {@code [^N]} when N is a footnote the document prints
 *       ({@link MarkerStyle#CARET}, the default), as superscript digits ({@link MarkerStyle#SUPERSCRIPT_DIGITS}),
 *       or kept as digits glued to the word like pdftotext does ({@link MarkerStyle#GLUED_DIGITS}).</li>
 * </ul>
 * Immutable and thread-safe. Fails with {@link UnsupportedDocumentException} for truncated, corrupt, encrypted or
 * image-only PDFs and for ones that exceed the limits (pages, characters, decoded content, drawing operations).
 * The decoded content is counted by {@link PdfContentGuard}, the glyphs collected by {@link PdfGlyphCollector}, and
 * the pages composed into lines by {@link PdfPageComposer}.
 */
public final class PdfTextExtractor {

    /** How footnote markers in the body come out. */
    public enum MarkerStyle {
        /** {@code gepubliceerd[^6] Onderdeel}: unambiguous for the text parser. */
        CARET,
        /** {@code gepubliceerd6 Onderdeel}: the digits glued to the word, as pdftotext prints them. */
        GLUED_DIGITS,
        /** {@code gepubliceerd⁶ Onderdeel}: Unicode superscript digits, for footnote numbers the document prints. */
        SUPERSCRIPT_DIGITS
    }

    public static final int DEFAULT_MAX_PAGES = 2_000;
    public static final long DEFAULT_MAX_CHARS = 20_000_000L;
    /**
     * Decoded streams (page contents, forms, fonts) of the whole document together. A text page's content is tens
     * of KB, so this leaves room for thousands of pages, yet PDFBox can hold the largest stream it allows in a
     * service's heap (it decodes one stream at a time into memory).
     */
    public static final long DEFAULT_MAX_CONTENT_BYTES = 128L * 1024 * 1024;
    public static final long DEFAULT_MAX_OPERATORS = 50_000_000L;
    // convention: a complete PDF ends with %%EOF; readers accept it within the last 1024 bytes
    private static final int EOF_WINDOW = 1024;
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private static final PdfTextExtractor DEFAULT = new PdfTextExtractor(MarkerStyle.CARET, DEFAULT_MAX_PAGES,
            DEFAULT_MAX_CHARS, DEFAULT_MAX_CONTENT_BYTES, DEFAULT_MAX_OPERATORS);

    private final MarkerStyle markers;
    private final int maxPages;
    private final long maxChars;
    private final long maxContentBytes;
    private final long maxOperators;

    private PdfTextExtractor(MarkerStyle markers, int maxPages, long maxChars, long maxContentBytes, long maxOperators) {
        this.markers = Objects.requireNonNull(markers, "markers");
        if (maxPages < 1 || maxChars < 1 || maxContentBytes < 1 || maxOperators < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxPages = maxPages;
        this.maxChars = maxChars;
        this.maxContentBytes = maxContentBytes;
        this.maxOperators = maxOperators;
    }

    /** The extractor with default limits and {@code [^N]} markers. */
    public static PdfTextExtractor create() {
        return DEFAULT;
    }

    /** Text of {@code pdf} with the default settings; see the class comment. */
    public static String extract(byte[] pdf) {
        return DEFAULT.extractText(pdf);
    }

    /** Typed lines of {@code pdf} with the default settings; see the class comment. */
    public static ExtractedText extractLines(byte[] pdf) {
        return DEFAULT.readLines(pdf);
    }

    public PdfTextExtractor withMarkers(MarkerStyle style) {
        return new PdfTextExtractor(style, maxPages, maxChars, maxContentBytes, maxOperators);
    }

    public PdfTextExtractor withMaxPages(int pages) {
        return new PdfTextExtractor(markers, pages, maxChars, maxContentBytes, maxOperators);
    }

    public PdfTextExtractor withMaxChars(long chars) {
        return new PdfTextExtractor(markers, maxPages, chars, maxContentBytes, maxOperators);
    }

    public PdfTextExtractor withMaxContentBytes(long bytes) {
        return new PdfTextExtractor(markers, maxPages, maxChars, bytes, maxOperators);
    }

    public String extractText(byte[] pdf) {
        return readLines(pdf).text();
    }

    public ExtractedText readLines(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        if (!endsWithEofMarker(pdf)) {
            // PDFBox repairs truncated files silently and returns the pages it could find: refuse instead,
            // a document missing its end would be parsed as if it had no more questions
            throw new UnsupportedDocumentException("PDF is truncated or corrupt: no %%EOF marker at its end");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PdfContentGuard.check(document, maxContentBytes);
            int pages = document.getNumberOfPages();
            if (pages > maxPages) {
                throw new UnsupportedDocumentException(
                        "PDF has " + pages + " pages, more than the limit of " + maxPages);
            }
            if (pages == 0) {
                throw new UnsupportedDocumentException("PDF has no pages");
            }
            PdfGlyphCollector collector = new PdfGlyphCollector(maxChars, maxOperators);
            collector.writeText(document, Writer.nullWriter());
            boolean anyText = collector.pages().stream()
                    .flatMap(p -> p.lines().stream()).flatMap(l -> l.stream()).anyMatch(g -> !g.isSpace());
            if (!anyText) {
                throw new UnsupportedDocumentException("PDF has no text layer (scanned images?): nothing to read");
            }
            return new ExtractedText(new PdfPageComposer(markers).compose(collector.pages()));
        } catch (InvalidPasswordException e) {
            throw new UnsupportedDocumentException("PDF is encrypted with a password", e);
        } catch (PdfGlyphCollector.LimitExceeded e) {
            throw new UnsupportedDocumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UnsupportedDocumentException("PDF is corrupt: " + e.getMessage(), e);
        } catch (UnsupportedDocumentException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // PDFBox meets malformed structures with assorted runtime exceptions; all mean the same to the caller
            throw new UnsupportedDocumentException("PDF could not be read: " + e, e);
        }
    }

    private static boolean endsWithEofMarker(byte[] pdf) {
        int from = Math.max(0, pdf.length - EOF_WINDOW);
        outer:
        for (int i = pdf.length - EOF_MARKER.length; i >= from; i--) {
            for (int j = 0; j < EOF_MARKER.length; j++) {
                if (pdf[i + j] != EOF_MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
