package nl.kamerqa.parser.format;

import nl.kamerqa.parser.extracted.ExtractedLine;
import nl.kamerqa.parser.extracted.ExtractedText;
import nl.kamerqa.parser.extracted.LineRole;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed lines of a flowing document (Word, OpenDocument text), which knows no pages: each paragraph's lines with a
 * blank line between paragraphs, as pandoc's plain text has them; then each note as "[N] text", a footnote line.
 */
final class FlowingText {

    private final List<ExtractedLine> lines = new ArrayList<>();

    /** A paragraph; a line break inside it ("\n") starts a new line of the same role. */
    void paragraph(String text, boolean heading) {
        add(text, heading ? LineRole.HEADING : LineRole.BODY, 0);
    }

    void note(int number, String text) {
        add("[" + number + "] " + text, LineRole.FOOTNOTE, number);
    }

    ExtractedText build() {
        return new ExtractedText(lines);
    }

    private void add(String text, LineRole role, int note) {
        if (!lines.isEmpty()) {
            lines.add(ExtractedLine.blank(0));
        }
        for (String line : text.split("\n")) {
            lines.add(new ExtractedLine(line, 0, role, note));
        }
    }
}
