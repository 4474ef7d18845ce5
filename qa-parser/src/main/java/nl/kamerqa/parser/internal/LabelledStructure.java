package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument.Kamervragen;
import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.NumberLabel;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the text lines (page footers and footnote zones left out) of Kamervragen, a list of questions and answers or
 * a nota naar aanleiding van het verslag, and cuts them into labelled questions and answers; the genre's
 * {@link LabelRules} say which constructs it has.
 * <p>
 * conventions:
 * <ul>
 *   <li>a question is headed "Vraag 1" ({@link QuestionLabel}) or, in lists and older Kamervragen, by its bare
 *       number ({@link NumberLabel}, only in sequence and at a paragraph start); a heading naming several questions
 *       holds their texts one after the other ({@link QuestionCutter});</li>
 *   <li>an answer is headed "Antwoord 1", "Antwoord op vragen 7, 8, en 9" or a bare "Antwoord" (the questions since
 *       the last answer) ({@link AnswerHeading}); Kamervragen may print all questions first and their answers after
 *       "Antwoord van Minister ..." ({@link AnswerIntro}), then headed by number;</li>
 *   <li>a document without any answer heading answers each question right after it ({@link QuestionCutter});</li>
 *   <li>a "Mededeling" says the questions are not answered here: its text is kept and the questions have no answer;</li>
 *   <li>the asking party is found as {@link LabelledBlocks} says.</li>
 * </ul>
 */
final class LabelledStructure {

    private final TextLayout layout;
    private final TextLines lines;
    private final LabelRules rules;
    private final LabelSurvey survey;
    private final LabelledBlocks book;
    private final String title;
    private final int titleLast;

    private final List<String> mededeling = new ArrayList<>();
    private KamervragenHeading heading;
    private AnswerIntro intro;
    private String headerNumber;
    private LabelGroup current;
    private boolean answersPhase;
    private boolean inMededeling;
    private boolean sawMededeling;
    private boolean started;

    private LabelledStructure(TextLayout layout, LabelRules rules, String title, int titleLast) {
        this.layout = layout;
        this.lines = new TextLines(layout, titleLast);
        this.rules = rules;
        this.title = title;
        this.titleLast = titleLast;
        this.survey = LabelSurvey.of(lines, rules);
        this.book = new LabelledBlocks(lines, layout, rules, survey);
    }

    /**
     * @param title     the title as printed, null when the genre's reader found none
     * @param titleLast index of the title's last line (the questions come after it), -1 when there is none
     */
    static LabelledStructure read(TextLayout layout, LabelRules rules, String title, int titleLast) {
        LabelledStructure structure = new LabelledStructure(layout, rules, title, titleLast);
        structure.run();
        return structure;
    }

    /**
     * The records read, as the genre {@code genre}: answers given by a mededeling are none, and a warning says so.
     */
    Reading reading(String genre, String documentId, Kamervragen kamervragen) {
        QaAssembly assembly = new QaAssembly(layout, book.blocks(), !sawMededeling);
        Warnings warnings = layout.warnings();
        if (sawMededeling && mededeling() != null) {
            warnings.add("no answers: the questions are answered by a mededeling");
        }
        return new Reading(genre, documentId, title(), book.parties(), assembly.questions(), assembly.footnotes(),
                assembly.references(), warnings, kamervragen);
    }

    String title() {
        return title != null ? title : heading != null ? heading.sentence() : null;
    }

    KamervragenHeading heading() {
        return heading;
    }

    AnswerIntro intro() {
        return intro;
    }

    /** The Aanhangsel number printed above the questions ("698"), null when there is none. */
    String headerNumber() {
        return headerNumber;
    }

    String mededeling() {
        TextJoiner joiner = new TextJoiner(layout.evidence());
        mededeling.forEach(joiner::add);
        String text = joiner.text();
        return text.isEmpty() ? null : text;
    }

    private void run() {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.isText(i)) {
                continue;
            }
            String text = lines.text(i);
            String next = lines.nextText(i);
            if (i <= titleLast) {
                started = true; // the header and the title are no questions; the questions come after them
                continue;
            }
            started |= ListTitle.opensQuestions(text);
            if (book.lastNumber() == 0 && current == null && KamervragenHeading.starts(text)) {
                i = readHeading(i);
                continue;
            }
            if (rules.answerIntro() && AnswerIntro.starts(text)) {
                i = readIntro(i);
                continue;
            }
            if (rules.mededeling() && TextLines.isMededelingHeading(text)) {
                close();
                startMededeling();
                continue;
            }
            Optional<QuestionLabel> label = text.charAt(0) == 'V'
                    ? QuestionLabel.recognise(text, lines.following(i)) : Optional.empty();
            if (label.isPresent()) {
                started = true;
                openQuestion(label.get().numbers(), i, false);
                int offset = label.get().rest().isEmpty() ? -1 : text.length() - label.get().rest().length();
                if (offset >= 0) {
                    current.parts.add(new int[]{i, offset});
                }
                i = lines.skipLines(i, label.get().used());
                continue;
            }
            Optional<AnswerHeading> answer = AnswerHeading.recognise(text);
            if (answer.isPresent()) {
                openAnswer(answer.get().covers(), i);
                if (current != null && !answer.get().rest().isEmpty()) {
                    current.parts.add(new int[]{i, text.length() - answer.get().rest().length()});
                }
                continue;
            }
            Optional<NumberLabel> bare = (survey.bareLabels() || answersPhase) && Character.isDigit(text.charAt(0))
                    ? NumberLabel.recognise(text, lines.following(i)) : Optional.empty();
            if (bare.isPresent() && lines.isPageFurniture(i, bare.get())) {
                continue; // no text either
            }
            if (bare.isPresent() && acceptsBare(bare.get(), i)) {
                if (answersPhase) {
                    openAnswer(bare.get().numbers(), i);
                } else {
                    openQuestion(bare.get().numbers(), i, true);
                }
                i = lines.skipLines(i, bare.get().used());
                continue;
            }
            Optional<SectionHeading> section = rules.sectionHeadings() ? SectionHeading.recognise(text) : Optional.empty();
            if (section.isPresent() && (current == null || !current.holds(section.get()))) {
                close();
                continue;
            }
            Optional<PartyHeading.Match> partyHeading = rules.partyHeadings()
                    ? PartyHeading.recognise(text, next) : Optional.empty();
            if (partyHeading.isPresent()) {
                close();
                book.section(partyHeading.get().party());
                i += partyHeading.get().usedNext() ? 1 : 0;
                continue;
            }
            if (ClosingLine.recognise(text, next)) {
                close();
                inMededeling = false;
                continue;
            }
            if (current != null) {
                current.countListItem(text);
                current.parts.add(new int[]{i, 0});
            } else if (inMededeling) {
                mededeling.add(text);
            }
        }
        close();
    }

    /** Reads the Kamervragen heading starting at line {@code i}; returns its last line. */
    private int readHeading(int i) {
        KamervragenHeading.Match match = KamervragenHeading.read(lines.lines(), lines.skip(), i, lines::isLabel);
        if (heading != null) {
            // a letter repeats who asked in its subject line and its heading: the first names them,
            // the heading "Antwoorden van de minister ... op Kamervragen ..." also who answers
            if (match.heading().answeredBy() != null && intro == null) {
                intro = new AnswerIntro(false, match.heading().answeredBy(), null, match.lastLine());
            }
            return match.lastLine();
        }
        heading = match.heading();
        started = true;
        headerNumber = lines.numberAbove(i);
        if (heading.answeredBy() != null && intro == null) {
            intro = new AnswerIntro(false, heading.answeredBy(), null, match.lastLine());
        }
        for (String p : heading.parties()) {
            book.addParty(p);
        }
        close();
        return match.lastLine();
    }

    /** Reads the "Antwoord van Minister ..." (or "Mededeling van ...") introduction at line {@code i}; returns its last line. */
    private int readIntro(int i) {
        AnswerIntro read = AnswerIntro.read(lines.lines(), lines.skip(), i, lines::isLabel);
        if (intro == null || intro.by() == null || read.ontvangen() != null) {
            intro = read;
        }
        close();
        started = true;
        if (read.mededeling()) {
            startMededeling();
        } else if (book.lastNumber() > 0) {
            answersPhase = true;
        }
        return read.lastLine();
    }

    private void startMededeling() {
        inMededeling = true;
        sawMededeling = true;
    }

    /** A bare number heads a question when it is the next one, at a paragraph start. */
    private boolean acceptsBare(NumberLabel label, int i) {
        List<Integer> numbers = label.numbers();
        int first = numbers.get(0);
        // at a paragraph start, or at least before a sentence start ("Van der Hoff-Rademaker", "1", "Hoeveel ...")
        List<String> following = lines.following(lines.skipLines(i, label.used()));
        String after = following.isEmpty() ? null : following.get(0);
        boolean paragraph = lines.startsParagraph(i) || after != null && TextLines.startsWithCapital(after);
        if (answersPhase) {
            return paragraph && book.asked(numbers) && first > book.lastAnswered();
        }
        if (label.stop() && current != null && current.listNext > 0 && first == current.listNext) {
            return false; // the next item of a numbered list inside the text
        }
        int last = book.lastNumber();
        if (current != null && !current.answer) {
            last = Math.max(last, current.numbers.stream().max(Integer::compare).orElse(0));
        }
        return started && paragraph && first == last + 1 && numbers.size() <= 30;
    }

    private void openQuestion(List<Integer> numbers, int i, boolean bare) {
        close();
        inMededeling = false;
        current = new LabelGroup(false, numbers, i, bare);
    }

    private void openAnswer(List<Integer> named, int i) {
        close(true);
        List<Integer> covers = book.covers(named);
        if (covers.isEmpty()) {
            layout.warnings().add("answer at line " + lines.lines().get(i).number() + " follows no question");
            return;
        }
        current = new LabelGroup(true, covers, i, false);
    }

    private void close() {
        close(false);
    }

    /** @param beforeAnswer an answer heading comes next: the question's text holds no answer */
    private void close(boolean beforeAnswer) {
        LabelGroup g = current;
        current = null;
        if (g != null) {
            book.close(g, beforeAnswer, heading);
        }
    }
}
