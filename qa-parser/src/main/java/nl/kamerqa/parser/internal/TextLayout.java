package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.extracted.ExtractedText;
import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.DocumentHeading;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;
import nl.kamerqa.parser.rules.QuestionStart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What every genre's reader needs of a text before it looks for questions: its lines after hygiene, the colophon
 * taken out, page footers, detached footnote numbers put back ({@link DetachedFootnotes}), pages, footnotes and
 * their markers, which lines are no text, and the words the document writes whole. From an extractor's typed lines
 * ({@link #of(ExtractedText)}) pages, footnotes and footers are taken as the extractor tells them; from plain text
 * ({@link #of(String, boolean)}) they are guessed.
 *
 * @param lines      the lines, colophon lines left out
 * @param footers    the page footers
 * @param pages      the printed page of every line
 * @param notes      footnote bodies, end notes and the markers citing them
 * @param skip       the line is a footer or a footnote and never text
 * @param evidence   the words the document writes whole, for line-end hyphens
 * @param warnings   what the reading noticed
 * @param colophonId the identifier the colophon prints ("ah-tk-20142015-698"), null when there is none
 * @param fullWidth  nine in ten text lines are at most this wide
 */
record TextLayout(List<SourceLine> lines, Footers footers, PageMap pages, FootnoteLayout notes, boolean[] skip,
                  WordEvidence evidence, Warnings warnings, String colophonId, int fullWidth) {

    /** The layout of plain text: pages, footers and footnotes as the text shows them. */
    static TextLayout of(String input) {
        List<SourceLine> raw = LineSplitter.split(input);
        List<SourceLine> lines = new ArrayList<>(raw.size());
        String colophonId = null;
        for (SourceLine line : raw) {
            String id = withoutColophon(line, lines);
            colophonId = colophonId != null ? colophonId : id;
        }
        Footers footers = Footers.find(lines);
        List<SourceLine> finalLines = lines;
        List<SourceLine> attached = DetachedFootnotes.attach(lines, footers.isFooter(),
                i -> isStructural(finalLines.get(i).text()));
        if (attached != lines) {
            lines = attached;
            footers = Footers.find(lines);
        }
        boolean[] footer = footers.isFooter();
        PageMap pages = PageMap.build(lines, footers.footers(), footer, new HashSet<>(PageStartLines.find(lines)),
                startsWithMasthead(lines));
        Warnings warnings = new Warnings();
        List<SourceLine> all = lines;
        FootnoteLayout notes = FootnoteLayout.find(lines, footer, footers.pageAt(), pages,
                i -> isStructural(all.get(i).text()), warnings);
        return finish(lines, footers, pages, notes, warnings, colophonId);
    }

    /**
     * Lays out an extractor's typed lines: its footnote lines are the footnotes (the markers citing them are still
     * found in the text), its header and footer lines no text. Where it tells pages (a PDF) the pages are its pages,
     * numbered by the printed footers, and only its header and footer lines can be footers; flowing text (Word,
     * OpenDocument) has its pages and footers found as plain text's are, since a copy of a printed page may stand
     * in it, but never its footnotes.
     */
    static TextLayout of(ExtractedText text) {
        TypedLines typed = TypedLines.of(text);
        List<SourceLine> lines = typed.lines();
        boolean pagesKnown = typed.pagesKnown();
        Footers footers = Footers.find(lines, i -> pagesKnown ? typed.apart(i) : typed.notes()[i] == 0, pagesKnown);
        boolean[] footer = footers.isFooter();
        PageMap pages = pagesKnown ? PageMap.known(typed.pages(), footers.footers(), startsWithMasthead(lines))
                : PageMap.build(lines, footers.footers(), footer, new HashSet<>(PageStartLines.find(lines)),
                startsWithMasthead(lines));
        Warnings warnings = new Warnings();
        FootnoteLayout notes = FootnoteLayout.known(lines, footer, typed.notes(), pages, warnings);
        return finish(lines, footers, pages, notes, warnings, typed.colophonId());
    }

    private static TextLayout finish(List<SourceLine> lines, Footers footers, PageMap pages, FootnoteLayout notes,
                                     Warnings warnings, String colophonId) {
        int n = lines.size();
        boolean[] footer = footers.isFooter();
        boolean[] skip = new boolean[n];
        List<String> textLines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            skip[i] = footer[i] || notes.inZone(i);
            if (!footer[i]) {
                textLines.add(lines.get(i).text());
            }
        }
        return new TextLayout(lines, footers, pages, notes, skip, WordEvidence.of(textLines), warnings, colophonId,
                FootnoteBody.fullWidth(lines, footer));
    }

    /** Adds the line to {@code out} without its colophon; returns the identifier the colophon prints, or null. */
    static String withoutColophon(SourceLine line, List<SourceLine> out) {
        Colophon colophon = line.text().isEmpty() ? null : Colophon.recognise(line.text()).orElse(null);
        if (colophon == null) {
            out.add(line);
            return null;
        }
        if (!colophon.rest().isEmpty()) {
            out.add(new SourceLine(line.number(), colophon.rest(), line.indent(), line.formFeedBefore()));
        } else if (line.formFeedBefore()) {
            out.add(new SourceLine(line.number(), "", 0, true));
        }
        return colophon.documentId();
    }

    // convention: the first page of a Kamerstuk or an Aanhangsel opens with "Tweede Kamer der Staten-Generaal"
    private static boolean startsWithMasthead(List<SourceLine> lines) {
        for (SourceLine line : lines) {
            if (!line.isBlank()) {
                String text = line.text();
                return text.startsWith("Tweede Kamer der Staten-Generaal") || text.startsWith("Eerste Kamer der Staten-Generaal");
            }
        }
        return false;
    }

    /** A heading, a label or a question start: never footnote text. */
    static boolean isStructural(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        // not the Kamervragen heading or "Antwoord van ...": footnotes cite other Kamervragen in those words
        if (c == 'A' && AnswerHeading.recognise(text).isPresent() || c == 'V' && QuestionLabel.recognise(text, (String) null).isPresent()) {
            return true;
        }
        return QuestionStart.recognise(text).filter(q -> !q.rest().isEmpty()).isPresent()
                || PartyHeading.recognise(text, null).isPresent()
                || DocumentHeading.recognise(text, null).isPresent()
                || text.equals("Mededeling");
    }
}
