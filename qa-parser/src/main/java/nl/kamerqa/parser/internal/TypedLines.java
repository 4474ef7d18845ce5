package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.extracted.ExtractedLine;
import nl.kamerqa.parser.extracted.ExtractedText;
import nl.kamerqa.parser.extracted.LineRole;

import java.util.ArrayList;
import java.util.List;

/**
 * An extractor's typed lines after the same hygiene plain text gets ({@link LineSplitter}, {@link FlattenedText} and
 * the colophon taken out of body lines), each source line keeping what the extractor said of it.
 *
 * @param lines      the lines, numbered from 1 in order
 * @param roles      the role of each line
 * @param notes      the footnote number of each footnote line, 0 elsewhere
 * @param pages      the extractor's page of each line, 0 where the format has no pages
 * @param colophonId the identifier the colophon prints, null when there is none
 */
record TypedLines(List<SourceLine> lines, LineRole[] roles, int[] notes, int[] pages, String colophonId) {

    static TypedLines of(ExtractedText text) {
        int n = text.lines().size();
        List<SourceLine> lines = new ArrayList<>(n);
        List<ExtractedLine> from = new ArrayList<>(n);
        int page = 0;
        String colophonId = null;
        int number = 0;
        for (ExtractedLine line : text.lines()) {
            boolean body = line.role() == LineRole.BODY || line.role() == LineRole.HEADING;
            // a flattened export cut back into lines: each is a body line of its own
            String raw = body ? FlattenedText.unflatten(line.text()) : line.text();
            boolean newPage = line.page() > page && !lines.isEmpty();
            List<SourceLine> split = LineSplitter.split(raw);
            if (split.isEmpty()) {
                split = List.of(new SourceLine(0, "", 0, false));
            }
            for (SourceLine s : split) {
                SourceLine numbered = new SourceLine(++number, s.text(), s.indent(), newPage);
                newPage = false;
                if (!body) {
                    lines.add(numbered);
                    from.add(line);
                    continue;
                }
                String id = TextLayout.withoutColophon(numbered, lines);
                colophonId = colophonId != null ? colophonId : id;
                while (from.size() < lines.size()) {
                    from.add(line);
                }
            }
            page = Math.max(page, line.page());
        }
        LineRole[] roles = new LineRole[lines.size()];
        int[] notes = new int[lines.size()];
        int[] pages = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            roles[i] = from.get(i).role();
            notes[i] = from.get(i).note();
            pages[i] = from.get(i).page();
        }
        return new TypedLines(lines, roles, notes, pages, colophonId);
    }

    /** The extractor saw printed pages (a PDF): it told every line's page and which lines are headers or footers. */
    boolean pagesKnown() {
        return pages.length > 0 && pages[pages.length - 1] > 0;
    }

    /** The extractor set the line apart from the text as a page's header or footer. */
    boolean apart(int i) {
        return roles[i] == LineRole.HEADER || roles[i] == LineRole.FOOTER;
    }
}
