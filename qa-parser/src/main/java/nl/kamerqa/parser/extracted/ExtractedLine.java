package nl.kamerqa.parser.extracted;

import java.util.Objects;

/**
 * One line as an extractor hands it to the text reader.
 *
 * @param text the line as printed, without line breaks; empty for a blank line (a paragraph break, role
 *             {@link LineRole#BODY}); a footnote's first line starts with its number as printed ("3 Zie ..." from a
 *             PDF, "[3] Zie ..." from Word or OpenDocument)
 * @param page the page the line is printed on, from 1; 0 where the format has no pages (Word, OpenDocument, text)
 * @param role where the line stands
 * @param note the number of the footnote a {@link LineRole#FOOTNOTE} line belongs to; 0 on every other line
 */
public record ExtractedLine(String text, int page, LineRole role, int note) {

    public ExtractedLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(role, "role");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\f') {
                throw new IllegalArgumentException("a line holds no line or page break: " + text);
            }
        }
        if (page < 0) {
            throw new IllegalArgumentException("page " + page + " is negative");
        }
        if (note < 0 || note > 0 && role != LineRole.FOOTNOTE) {
            throw new IllegalArgumentException("only a footnote line has a note number: " + role + " " + note);
        }
    }

    public static ExtractedLine body(String text, int page) {
        return new ExtractedLine(text, page, LineRole.BODY, 0);
    }

    public static ExtractedLine blank(int page) {
        return new ExtractedLine("", page, LineRole.BODY, 0);
    }

    public static ExtractedLine footnote(String text, int page, int note) {
        return new ExtractedLine(text, page, LineRole.FOOTNOTE, note);
    }
}
