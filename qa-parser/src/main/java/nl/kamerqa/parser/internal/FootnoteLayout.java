package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.internal.MarkerCandidates.Candidate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Finds the footnote bodies at the bottom of the pages and the markers in the text that cite them.
 * <p>
 * convention: footnotes are numbered sequentially through the document and every body is cited by a marker
 * above it: a body "n ..." is only taken for one when n is the next number expected and a marker candidate
 * ({@link FootnoteMarkers}) for n stands between the previous marker and the body, preferably on the same page.
 * So "1 januari 2023 zijn ..." or "35 925 VII, nr. 22)." at the start of a line are no footnotes. A footnote
 * zone runs to the end of its page where page ends are known; otherwise a body goes on only while its last
 * line looks cut off ({@link FootnoteBody#isWrapped}). Notes gathered at the end of a text ({@link EndNotes}) come
 * after those. Footnotes an extractor told ({@link #known}) are taken as they are; only their markers are found.
 * The guessed and the told footnotes share this class's bookkeeping of zones, bodies and markers; what the lines
 * say about where a page ends is {@link PageBottom}'s.
 */
final class FootnoteLayout {

    /** A marker taken out of the text of line {@code [start, end)}. */
    record Marker(int number, int start, int end) {
    }

    /** A footnote body: its number, the index of its first line, its lines, its page. */
    record Body(int number, int firstLine, List<String> lines, Integer page) {
    }

    private final List<SourceLine> lines;
    private final boolean[] footer;
    private final Integer[] footerPage;
    private final PageMap pages;
    private final IntPredicate structural;
    private final PageBottom bottom;
    private final boolean[] zone;
    private MarkerCandidates candidates;
    private final Map<Integer, List<Marker>> markers = new HashMap<>();
    private final List<Body> bodies = new ArrayList<>();
    private final Warnings warnings;
    private final int fullWidth;

    private FootnoteLayout(List<SourceLine> lines, boolean[] footer, Integer[] footerPage, PageMap pages,
                           IntPredicate structural, Warnings warnings) {
        this.lines = lines;
        this.warnings = warnings;
        this.footer = footer;
        this.footerPage = footerPage;
        this.pages = pages;
        this.structural = structural;
        this.bottom = new PageBottom(lines, footer, pages, structural);
        this.zone = new boolean[lines.size()];
        this.fullWidth = FootnoteBody.fullWidth(lines, footer);
    }

    /**
     * @param footer     the line is (part of) a page footer
     * @param footerPage the page number printed on a footer line, null elsewhere
     * @param structural the line is a heading or a question start, never footnote text
     */
    static FootnoteLayout find(List<SourceLine> lines, boolean[] footer, Integer[] footerPage, PageMap pages,
                               IntPredicate structural, Warnings warnings) {
        FootnoteLayout layout = new FootnoteLayout(lines, footer, footerPage, pages, structural, warnings);
        layout.candidates = MarkerCandidates.scan(lines, footer, layout.zone);
        layout.run();
        layout.endNotes(true);
        return layout;
    }

    /**
     * The footnotes an extractor told (typed lines): the lines of footnote {@code n} are its body, whatever they
     * look like, and every other line is text; markers citing them are found as in plain text. Only end notes typed
     * by hand ("1)") are still looked for, since the format knows no such notes.
     *
     * @param noteOfLine the footnote number of each footnote line, 0 on every other line
     */
    static FootnoteLayout known(List<SourceLine> lines, boolean[] footer, int[] noteOfLine, PageMap pages,
                                Warnings warnings) {
        FootnoteLayout layout = new FootnoteLayout(lines, footer, new Integer[lines.size()], pages, i -> false, warnings);
        for (int i = 0; i < lines.size(); i++) {
            layout.zone[i] = noteOfLine[i] > 0;
        }
        layout.candidates = MarkerCandidates.scan(lines, footer, layout.zone);
        layout.readKnown(noteOfLine);
        layout.endNotes(false);
        // in document order: a Word document's notes follow the notes typed by hand at the end of its text
        layout.bodies.sort(Comparator.comparingInt(Body::firstLine));
        return layout;
    }

    private void readKnown(int[] noteOfLine) {
        int i = 0;
        while (i < lines.size()) {
            int number = noteOfLine[i];
            if (number == 0) {
                i++;
                continue;
            }
            int first = i;
            List<String> text = new ArrayList<>();
            text.add(FootnoteBody.withoutNumber(lines.get(i).text(), number));
            for (i++; i < lines.size() && noteOfLine[i] == number; i++) {
                if (!lines.get(i).isBlank()) {
                    text.add(lines.get(i).text());
                }
            }
            Candidate marker = chooseMarker(number, first, first);
            if (marker == null) {
                warnings.add("footnote " + number + " has no marker in the text");
            } else {
                cite(number, marker);
                if (marker.form() == FootnoteMarkers.Form.BRACKET) {
                    // convention: a Word note's "[N]" names that note wherever it follows a word: cited twice, one
                    // note; a "[1]" opening a line labels that paragraph instead
                    for (Candidate again : candidates.of(number)) {
                        if (again != marker && again.form() == FootnoteMarkers.Form.BRACKET && again.start() > 0
                                && !zone[again.line()]) {
                            markers.computeIfAbsent(again.line(), x -> new ArrayList<>())
                                    .add(new Marker(number, again.start(), again.end()));
                        }
                    }
                }
            }
            bodies.add(body(number, first, text));
        }
    }

    private void cite(int number, Candidate marker) {
        candidates.taken(marker);
        markers.computeIfAbsent(marker.line(), x -> new ArrayList<>()).add(new Marker(number, marker.start(), marker.end()));
    }

    /**
     * Notes gathered at the end of the text ({@link EndNotes}): no page, listed after the page-bottom ones.
     *
     * @param bracketed "[1] ..." at the end may be a Word note (plain text); false where the extractor told them
     */
    private void endNotes(boolean bracketed) {
        boolean[] taken = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            taken[i] = footer[i] || zone[i];
        }
        for (EndNotes.Note note : EndNotes.find(lines, taken, bracketed)) {
            zone[note.line()] = true;
            for (int[] m : note.markers()) {
                markers.computeIfAbsent(m[0], x -> new ArrayList<>()).add(new Marker(note.number(), m[1], m[2]));
            }
            if (note.markers().isEmpty()) {
                warnings.add("note " + note.number() + " at line " + lines.get(note.line()).number()
                        + " has no marker in the text");
            }
            bodies.add(new Body(note.number(), note.line(), List.of(note.text()), null));
        }
    }

    boolean inZone(int index) {
        return zone[index];
    }

    List<Marker> markers(int index) {
        return markers.getOrDefault(index, List.of());
    }

    List<Body> bodies() {
        return bodies;
    }

    private void run() {
        int nextBody = -1;
        int i = 0;
        while (i < lines.size()) {
            int number = footer[i] ? -1 : FootnoteBody.number(lines.get(i).text());
            if (number > 0 && (nextBody < 0 || number == nextBody) && opensZone(i, number)) {
                Candidate marker = chooseMarker(number, i, i);
                if (marker != null) {
                    int end = zone(i, number, marker, pages.breaksKnown());
                    if (end < 0 && pages.breaksKnown()) {
                        end = zone(i, number, marker, false);
                    }
                    if (end > 0) {
                        nextBody = bodies.get(bodies.size() - 1).number() + 1;
                        i = end;
                        continue;
                    }
                }
            }
            i++;
        }
    }

    /**
     * A body starts after a blank line (or the rule above the footnotes), or right before the end of its page when
     * the extractor left no blank line.
     */
    private boolean opensZone(int i, int number) {
        int previous = i - 1;
        while (previous >= 0 && FootnoteBody.isSeparator(lines.get(previous).text())) {
            previous--;
        }
        if (previous < 0) {
            return false;
        }
        return lines.get(previous).isBlank() || zone[previous] || bottom.onlyFootnotesFollow(i + 1, number + 1);
    }

    /**
     * Reads the footnote zone starting at line {@code start}; returns the index after it, or -1 when the lines
     * do not make a footnote zone after all (then nothing is recorded).
     */
    private int zone(int start, int number, Candidate marker, boolean toPageEnd) {
        List<Body> found = new ArrayList<>();
        List<Candidate> cited = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String> current = new ArrayList<>();
        current.add(FootnoteBody.text(lines.get(start).text()));
        int currentNumber = number;
        int currentLine = start;
        cited.add(marker);
        numbers.add(number);
        int[] saved = candidates.position();
        candidates.taken(marker);
        int nonBlank = 1;
        int last = start;
        int j = start + 1;
        int gap = 0;
        boolean toFooter = toPageEnd && bottom.runsToFooter(start);
        for (; j < lines.size() && nonBlank <= PageBottom.MAX_ZONE_LINES; j++) {
            if (footer[j] || pages.startsPage(j)) {
                break;
            }
            String text = lines.get(j).text();
            if (text.isEmpty()) {
                gap++;
                continue;
            }
            int blanksBefore = gap;
            gap = 0;
            boolean wrapped = FootnoteBody.isWrapped(current.get(current.size() - 1), fullWidth);
            if (FootnoteBody.number(text) == currentNumber + 1 && (toPageEnd || !wrapped)) {
                found.add(body(currentNumber, currentLine, current));
                Candidate next = chooseMarker(currentNumber + 1, start, j);
                currentNumber++;
                currentLine = j;
                current = new ArrayList<>();
                current.add(FootnoteBody.text(text));
                if (next != null) {
                    cited.add(next);
                    numbers.add(currentNumber);
                    candidates.taken(next);
                }
            } else if (structural.test(j)
                    || !(wrapped || toFooter || toPageEnd && blanksBefore < 2 && bottom.pageEndsWithin(j))) {
                break;
            } else {
                current.add(text);
            }
            nonBlank++;
            last = j;
        }
        found.add(body(currentNumber, currentLine, current));
        Integer pageBelow = j < lines.size() ? footerPage[j] : null;
        if (pageBelow != null) {
            // footnotes stand just above the footer: they are on the page it numbers, known or not before
            found.replaceAll(b -> b.page() != null ? b : new Body(b.number(), b.firstLine(), b.lines(), pageBelow));
        }
        if (nonBlank > PageBottom.MAX_ZONE_LINES) {
            candidates.restore(saved);
            return -1;
        }
        Arrays.fill(zone, start, last + 1, true);
        for (int k = 0; k < cited.size(); k++) {
            Candidate c = cited.get(k);
            markers.computeIfAbsent(c.line(), x -> new ArrayList<>()).add(new Marker(numbers.get(k), c.start(), c.end()));
        }
        for (Body b : found) {
            if (!numbers.contains(b.number())) {
                warnings.add("footnote " + b.number() + " has no marker in the text");
            }
        }
        bodies.addAll(found);
        return last + 1;
    }

    private Body body(int number, int firstLine, List<String> bodyLines) {
        return new Body(number, firstLine, List.copyOf(bodyLines), pages.page(firstLine));
    }

    private Candidate chooseMarker(int number, int before, int bodyLine) {
        return candidates.choose(number, before, bodyLine, zone, pages);
    }
}
