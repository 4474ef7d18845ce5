package nl.kamerqa.parser.format;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every glyph with its position and size, grouped into the visual lines PDFBox finds (sorted by position),
 * one list of lines per page. Enforces the extraction limits while it runs.
 */
final class PdfGlyphCollector extends PDFTextStripper {

    /** One glyph: its text, baseline position (origin top left), width and font size in points. */
    record Glyph(String text, float x, float y, float width, float size) {
        boolean isSpace() {
            return text.isBlank();
        }

        float end() {
            return x + width;
        }
    }

    /** One page: its height and its lines of glyphs in PDFBox's reading order. */
    record Page(float height, float width, List<List<Glyph>> lines) {
    }

    /** Thrown from inside PDFBox's callbacks when a limit is hit; unwrapped by {@link PdfTextExtractor}. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private final long maxChars;
    private final long maxOperators;
    private final List<Page> pages = new ArrayList<>();
    private List<List<Glyph>> currentPage = new ArrayList<>();
    private List<Glyph> currentLine = new ArrayList<>();
    private float pageHeight;
    private float pageWidth;
    private long chars;
    private long operators;

    PdfGlyphCollector(long maxChars, long maxOperators) {
        this.maxChars = maxChars;
        this.maxOperators = maxOperators;
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    List<Page> pages() {
        return pages;
    }

    @Override
    protected void startPage(PDPage page) {
        PDRectangle box = page.getCropBox() != null ? page.getCropBox() : page.getMediaBox();
        boolean turned = page.getRotation() % 180 != 0;
        pageHeight = turned ? box.getWidth() : box.getHeight();
        pageWidth = turned ? box.getHeight() : box.getWidth();
        currentPage = new ArrayList<>();
        currentLine = new ArrayList<>();
    }

    @Override
    protected void endPage(PDPage page) {
        endLine();
        pages.add(new Page(pageHeight, pageWidth, currentPage));
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        for (TextPosition p : positions) {
            String unicode = p.getUnicode();
            if (unicode == null || unicode.isEmpty()) {
                continue;
            }
            // ligatures (U+FB00..FB06) come out as one glyph: spell them out as the letters they stand for
            if (unicode.chars().anyMatch(c -> c >= 0xFB00 && c <= 0xFB4F)) {
                unicode = Normalizer.normalize(unicode, Normalizer.Form.NFKC);
            }
            chars += unicode.length();
            if (chars > maxChars) {
                throw new LimitExceeded("PDF holds more than " + maxChars + " characters of text");
            }
            currentLine.add(new Glyph(unicode, p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(), p.getFontSizeInPt()));
        }
    }

    @Override
    protected void writeWordSeparator() {
        if (!currentLine.isEmpty()) {
            Glyph last = currentLine.get(currentLine.size() - 1);
            currentLine.add(new Glyph(" ", last.end(), last.y(), 0, last.size()));
        }
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        // forms drawing forms can multiply the work without growing the file: cap the operators interpreted
        if (++operators > maxOperators) {
            throw new LimitExceeded("PDF content needs more than " + maxOperators + " drawing operations");
        }
        super.processOperator(operator, operands);
    }

    private void endLine() {
        if (!currentLine.isEmpty()) {
            currentPage.add(currentLine);
            currentLine = new ArrayList<>();
        }
    }
}
