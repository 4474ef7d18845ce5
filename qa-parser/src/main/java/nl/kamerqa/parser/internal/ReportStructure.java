package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.DocumentHeading;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionStart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the text lines (page footers and footnote zones left out) and cuts them into party sections, numbered
 * questions and answers.
 * <p>
 * convention: questions are numbered sequentially through the document, so "12. ..." only starts a question
 * after question 11 (a jump of at most {@value #MAX_JUMP} is accepted at a paragraph start after an answer, with
 * a warning); a bare "Antwoord" answers the questions asked since the previous answer.
 */
final class ReportStructure {

    private static final int MAX_JUMP = 3;

    private final List<SourceLine> lines;
    private final boolean[] skip;
    private final PageMap pages;
    private final FootnoteLayout footnotes;
    private final boolean hasPartySections;

    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> parties = new LinkedHashSet<>();
    private final Warnings warnings;
    private final List<Integer> pending = new ArrayList<>();
    private String title;
    private Block current;
    private String party;
    private boolean justAfterParty;
    private int lastNumber;
    private int listNext;
    private boolean answerHeadings;

    private ReportStructure(List<SourceLine> lines, boolean[] skip, PageMap pages, FootnoteLayout footnotes,
                            Warnings warnings) {
        this.lines = lines;
        this.warnings = warnings;
        this.skip = skip;
        this.pages = pages;
        this.footnotes = footnotes;
        this.hasPartySections = anyPartyHeading();
    }

    static ReportStructure read(List<SourceLine> lines, boolean[] skip, PageMap pages, FootnoteLayout footnotes,
                                Warnings warnings) {
        ReportStructure structure = new ReportStructure(lines, skip, pages, footnotes, warnings);
        structure.run();
        return structure;
    }

    List<Block> blocks() {
        return blocks;
    }

    List<String> parties() {
        return List.copyOf(parties);
    }

    String title() {
        return title;
    }

    boolean hasAnswerHeadings() {
        return answerHeadings;
    }

    private void run() {
        for (int i = 0; i < lines.size(); i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            String text = lines.get(i).text();
            String next = nextLine(i);
            Optional<DocumentHeading> heading = DocumentHeading.recognise(text, next);
            if (heading.isPresent()) {
                close();
                if (title == null && lastNumber == 0) {
                    title = heading.get().title();
                }
                i += heading.get().usedNext() ? 1 : 0;
                continue;
            }
            Optional<PartyHeading.Match> partyHeading = PartyHeading.recognise(text, next);
            if (partyHeading.isPresent()) {
                close();
                party = partyHeading.get().party();
                parties.add(party);
                justAfterParty = true;
                i += partyHeading.get().usedNext() ? 1 : 0;
                continue;
            }
            Optional<AnswerHeading> answer = AnswerHeading.recognise(text);
            if (answer.isPresent()) {
                openAnswer(i, answer.get());
                continue;
            }
            Optional<QuestionStart> question = QuestionStart.recognise(text);
            if (question.isPresent() && acceptsQuestion(question.get().number(), i)) {
                openQuestion(i, question.get());
                continue;
            }
            if (ClosingLine.recognise(text, next)) {
                close();
                continue;
            }
            justAfterParty = false;
            if (current != null) {
                question.ifPresent(item -> countListItem(item.number()));
                addLine(i, text);
            }
        }
        close();
    }

    private boolean acceptsQuestion(int number, int i) {
        if (lastNumber == 0) {
            // before any party heading "1." may be a list in the preamble: only a paragraph start counts then
            return number == 1 ? !hasPartySections || party != null || startsParagraph(i) : justAfterParty;
        }
        if (number == 1 && lastNumber == 1 && justAfterParty && !answerHeadings) {
            return true; // the earlier "1." was preamble: the questions start under this heading
        }
        if (number == lastNumber + 1) {
            // "1. ... 2. ..." inside an answer is a list; its next item is no question unless a paragraph starts
            return !(number == listNext && current != null && !current.isQuestion() && !startsParagraph(i));
        }
        boolean jump = number > lastNumber + 1 && number <= lastNumber + MAX_JUMP;
        boolean boundary = current == null || !current.isQuestion();
        return jump && boundary && startsParagraph(i);
    }

    private void openQuestion(int i, QuestionStart start) {
        close();
        if (start.number() == 1 && lastNumber == 1) {
            warnings.add("a \"1.\" before line " + lines.get(i).number() + " was preamble, not question 1");
            blocks.removeIf(Block::isQuestion);
            pending.clear();
            lastNumber = 0;
        }
        if (lastNumber > 0 && start.number() > lastNumber + 1) {
            warnings.add("question numbering jumps from " + lastNumber + " to " + start.number()
                    + " at line " + lines.get(i).number());
        }
        lastNumber = start.number();
        justAfterParty = false;
        current = new Block(start.number(), List.of(), party, i);
        pending.add(start.number());
        addLine(i, start.rest(), start.rest().isEmpty() ? 0 : lines.get(i).text().length() - start.rest().length());
    }

    private void openAnswer(int i, AnswerHeading heading) {
        close();
        answerHeadings = true;
        justAfterParty = false;
        List<Integer> covers = new ArrayList<>(heading.covers());
        if (covers.isEmpty()) {
            covers.addAll(pending);
        }
        if (covers.isEmpty() && lastNumber > 0) {
            covers.add(lastNumber);
        }
        if (covers.isEmpty()) {
            warnings.add("answer at line " + lines.get(i).number() + " follows no question");
            return;
        }
        pending.clear();
        current = new Block(0, covers, party, i);
        String rest = heading.rest();
        addLine(i, rest, lines.get(i).text().length() - rest.length());
    }

    private void addLine(int i, String text) {
        addLine(i, text, 0);
    }

    /** Adds the line's text from column {@code offset}, its footnote markers taken out. */
    private void addLine(int i, String text, int offset) {
        current.add(lines, footnotes, i, text, offset);
    }

    /** Numbered list inside a block: "1." starts it, each next number continues it. */
    private void countListItem(int number) {
        if (number == 1) {
            listNext = 2;
        } else if (number == listNext) {
            listNext++;
        }
    }

    private void close() {
        listNext = 0;
        if (current != null) {
            blocks.add(current);
            current = null;
        }
    }

    private boolean startsParagraph(int i) {
        if (i == 0 || pages.startsPage(i)) {
            return true;
        }
        int previous = i - 1;
        return lines.get(previous).isBlank() || skip[previous];
    }

    private String nextLine(int i) {
        int next = i + 1;
        return next < lines.size() && !skip[next] ? lines.get(next).text() : null;
    }

    private boolean anyPartyHeading() {
        for (int i = 0; i < lines.size(); i++) {
            if (!skip[i] && PartyHeading.recognise(lines.get(i).text(), nextLine(i)).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
