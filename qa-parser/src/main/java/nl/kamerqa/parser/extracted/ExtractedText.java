package nl.kamerqa.parser.extracted;

import java.util.List;
import java.util.Objects;

/**
 * The typed hand-off from an extractor to the text reader: a document's lines in reading order, each with its page
 * and role, so what a layout format knows (pages, footnotes, footers, headings) reaches the reader as facts
 * instead of being guessed back from text. Plain text has no such knowledge: its lines are {@link LineRole#UNKNOWN}.
 *
 * @param lines the lines in reading order; a page's lines stand together, pages in ascending order
 */
public record ExtractedText(List<ExtractedLine> lines) {

    public ExtractedText {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        int page = 0;
        for (ExtractedLine line : lines) {
            if (line.page() < page) {
                throw new IllegalArgumentException("page " + line.page() + " after page " + page + ": " + line.text());
            }
            page = line.page();
        }
    }

    /** Some line's role is known: the reader takes the roles instead of guessing them. */
    public boolean typed() {
        for (ExtractedLine line : lines) {
            if (line.role() != LineRole.UNKNOWN) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lines as plain text, as the text reader reads a copy: a line each, a form feed before the first line of
     * each later page (one per page, so an empty page stays a page), a line break after the last line.
     */
    public String text() {
        StringBuilder out = new StringBuilder(lines.size() * 64);
        int page = lines.isEmpty() ? 0 : Math.min(1, lines.get(0).page());
        for (ExtractedLine line : lines) {
            if (page > 0) {
                for (int p = page; p < line.page(); p++) {
                    out.append('\f');
                }
                page = Math.max(page, line.page());
            }
            out.append(line.text()).append('\n');
        }
        return out.toString();
    }
}
