package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.Genres;
import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.NumberLabel;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;
import nl.kamerqa.parser.rules.QuestionStart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the text lines (page footers and footnote zones left out) of Kamervragen, a list of questions and answers or
 * a nota naar aanleiding van het verslag, and cuts them into labelled questions and answers.
 * <p>
 * conventions:
 * <ul>
 *   <li>a question is headed "Vraag 1" ({@link QuestionLabel}) or, in lists and older Kamervragen, by its bare
 *       number ({@link NumberLabel}, only in sequence and at a paragraph start); a heading naming several questions
 *       ("Vraag 2 en 3", "5, 6 en 7") holds their texts one after the other, each later one starting a new paragraph
 *       or at least a new sentence at a line start: the break lines that fit best are taken, and when there are too
 *       few the questions share the text;</li>
 *   <li>an answer is headed "Antwoord 1", "Antwoord op vragen 7, 8, en 9" or a bare "Antwoord" (the questions since
 *       the last answer) ({@link AnswerHeading}); Kamervragen may print all questions first and their answers after
 *       "Antwoord van Minister ..." ({@link AnswerIntro}), then headed by number;</li>
 *   <li>a document without any answer heading answers each question right after it: the question is its text up to
 *       the last of its first run of sentences ending in "?", the answer the rest;</li>
 *   <li>a "Mededeling" says the questions are not answered here: its text is kept and the questions have no answer;</li>
 *   <li>the asking party: for Kamervragen the askers' party when they all share one; otherwise the party the
 *       question names ({@link AskingParty}), the previous question's when it refers back, else the party of the
 *       section heading above it.</li>
 * </ul>
 */
final class LabelledStructure {

    private static final int MAX_SECTION_NUMBER = 40;
    private static final int PARAGRAPH = 1000;
    // convention: a nota or list asks indirectly, the members named first: "De leden van de D66-fractie vragen of
    // ...", "Zij verzoeken de regering ...", "Voorts vragen deze leden ..."; "De regering ..." answers
    private static final java.util.regex.Pattern ASKING = java.util.regex.Pattern.compile(
            "^(?:\\S+ ){0,4}?(?:de leden|het lid|deze leden|dezelfde leden|dit lid|zij|de \\S+-fractie)\\b[^.?!]{0,200}?"
                    + "\\b(?:vragen|vraagt|verzoeken|verzoekt|willen weten|wil weten|wensen|wenst)\\b"
                    + "|^(?:\\S+ ){0,2}?(?:vragen|vraagt|verzoeken|verzoekt)\\b[^.?!]{0,40}?\\b(?:de leden|het lid|deze leden|dit lid|zij)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** An open question or answer: its numbers, the line of its label, its text lines as {index, offset}. */
    private static final class Group {
        final boolean answer;
        final List<Integer> numbers;
        final int label;
        final boolean bare;
        final List<int[]> parts = new ArrayList<>();
        int listNext;

        Group(boolean answer, List<Integer> numbers, int label, boolean bare) {
            this.answer = answer;
            this.numbers = new ArrayList<>(numbers);
            this.label = label;
            this.bare = bare;
        }
    }

    private final TextLayout layout;
    private final List<SourceLine> lines;
    private final boolean[] skip;
    private final String genre;
    private final int titleLast;
    private final boolean kamervragen;
    private final boolean headless;
    // some answers have a heading, others follow their question directly: numbers the headings name
    private final Set<Integer> headed = new java.util.HashSet<>();
    private final boolean partlyHeadless;
    private final boolean bareLabels;

    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> parties = new LinkedHashSet<>();
    private final Set<Integer> asked = new LinkedHashSet<>();
    private final List<Integer> pending = new ArrayList<>();
    private final List<String> mededeling = new ArrayList<>();
    private KamervragenHeading heading;
    private AnswerIntro intro;
    private String headerNumber;
    private final String title;
    private Group current;
    private int lastNumber;
    private int lastAnswered;
    private boolean answersPhase;
    private boolean inMededeling;
    private boolean sawMededeling;
    private boolean started;
    private String sectionParty;
    private String lastParty;

    private LabelledStructure(TextLayout layout, GenreSignals signals) {
        this.layout = layout;
        this.lines = layout.lines();
        this.skip = layout.skip();
        this.genre = signals.genre();
        this.title = signals.title();
        this.titleLast = signals.titleLast();
        this.kamervragen = Genres.KAMERVRAGEN.equals(genre);
        boolean anyAnswerHeading = false;
        boolean anyQuestionLabel = false;
        boolean anyMededeling = false;
        boolean answersAfterIntro = false;
        for (int i = 0; i < lines.size(); i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            String text = lines.get(i).text();
            Optional<AnswerHeading> answerHeading = AnswerHeading.recognise(text);
            anyAnswerHeading |= answerHeading.isPresent();
            answerHeading.ifPresent(h -> headed.addAll(h.covers()));
            anyQuestionLabel |= QuestionLabel.recognise(text, nextText(i)).isPresent();
            anyMededeling |= isMededelingHeading(text) || text.startsWith("Mededeling van");
            if (kamervragen && AnswerIntro.starts(text) && anyQuestionLabel) {
                anyAnswerHeading = true; // "Antwoord van Minister ..." after the questions: the answers follow
                answersAfterIntro = true;
            }
        }
        this.headless = !anyAnswerHeading && !anyMededeling;
        this.partlyHeadless = !anyMededeling && !answersAfterIntro;
        // Kamervragen with "Vraag 1" labels never head a question by a bare number
        this.bareLabels = !kamervragen || !anyQuestionLabel;
    }

    static LabelledStructure read(TextLayout layout, GenreSignals signals) {
        LabelledStructure structure = new LabelledStructure(layout, signals);
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

    boolean sawMededeling() {
        return sawMededeling;
    }

    private void run() {
        for (int i = 0; i < lines.size(); i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            String text = lines.get(i).text();
            String next = nextText(i);
            if (i <= titleLast) {
                started = true; // the header and the title are no questions; the questions come after them
                continue;
            }
            started |= GenreSignals.opensQuestions(text);
            if (lastNumber == 0 && current == null && KamervragenHeading.starts(text)) {
                KamervragenHeading.Match match = KamervragenHeading.read(lines, skip, i, this::isLabel);
                if (heading != null) {
                    // a letter repeats who asked in its subject line and its heading: the first names them,
                    // the heading "Antwoorden van de minister ... op Kamervragen ..." also who answers
                    if (match.heading().answeredBy() != null && intro == null) {
                        intro = new AnswerIntro(false, match.heading().answeredBy(), null, match.lastLine());
                    }
                    i = match.lastLine();
                    continue;
                }
                heading = match.heading();
                started = true;
                headerNumber = numberAbove(i);
                if (heading.answeredBy() != null && intro == null) {
                    intro = new AnswerIntro(false, heading.answeredBy(), null, match.lastLine());
                }
                for (String p : heading.parties()) {
                    parties.add(p);
                }
                close();
                i = match.lastLine();
                continue;
            }
            if (kamervragen && AnswerIntro.starts(text)) {
                AnswerIntro read = AnswerIntro.read(lines, skip, i, this::isLabel);
                if (intro == null || intro.by() == null || read.ontvangen() != null) {
                    intro = read;
                }
                close();
                started = true;
                if (read.mededeling()) {
                    startMededeling();
                } else if (lastNumber > 0) {
                    answersPhase = true;
                }
                i = read.lastLine();
                continue;
            }
            if (kamervragen && isMededelingHeading(text)) {
                close();
                startMededeling();
                continue;
            }
            Optional<QuestionLabel> label = text.charAt(0) == 'V'
                    ? QuestionLabel.recognise(text, following(i)) : Optional.empty();
            if (label.isPresent()) {
                started = true;
                openQuestion(label.get().numbers(), i, false);
                int offset = label.get().rest().isEmpty() ? -1 : text.length() - label.get().rest().length();
                if (offset >= 0) {
                    current.parts.add(new int[]{i, offset});
                }
                i = skipLines(i, label.get().used());
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
            Optional<NumberLabel> bare = (bareLabels || answersPhase) && Character.isDigit(text.charAt(0))
                    ? NumberLabel.recognise(text, following(i)) : Optional.empty();
            if (bare.isPresent() && isPageFurniture(i, bare.get())) {
                continue; // no text either
            }
            if (bare.isPresent() && acceptsBare(bare.get(), i)) {
                if (answersPhase) {
                    openAnswer(bare.get().numbers(), i);
                } else {
                    openQuestion(bare.get().numbers(), i, true);
                }
                i = skipLines(i, bare.get().used());
                continue;
            }
            Optional<SectionHeading> section = kamervragen ? Optional.empty() : SectionHeading.recognise(text);
            if (section.isPresent() && isSection(section.get())) {
                close();
                continue;
            }
            Optional<PartyHeading.Match> partyHeading = kamervragen ? Optional.empty() : PartyHeading.recognise(text, next);
            if (partyHeading.isPresent()) {
                close();
                sectionParty = partyHeading.get().party();
                lastParty = sectionParty;
                i += partyHeading.get().usedNext() ? 1 : 0;
                continue;
            }
            if (ClosingLine.recognise(text, next)) {
                close();
                inMededeling = false;
                continue;
            }
            if (current != null) {
                countListItem(text);
                current.parts.add(new int[]{i, 0});
            } else if (inMededeling) {
                mededeling.add(text);
            }
        }
        close();
    }

    /** A label line stops a heading or introduction that would otherwise run on. */
    private boolean isLabel(int i) {
        String text = lines.get(i).text();
        return QuestionLabel.recognise(text, nextText(i)).isPresent() || AnswerHeading.recognise(text).isPresent()
                || isMededelingHeading(text) || AnswerIntro.starts(text) || KamervragenHeading.starts(text);
    }

    // convention: "Mededeling" alone on its line heads the text that replaces the answers
    private static boolean isMededelingHeading(String text) {
        return text.equals("Mededeling") || text.equals("Mededeling:") || text.equals("MEDEDELING");
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
        List<String> following = following(skipLines(i, label.used()));
        String after = following.isEmpty() ? null : following.get(0);
        boolean paragraph = startsParagraph(i) || after != null && startsWithCapital(after);
        if (answersPhase) {
            return paragraph && asked.containsAll(numbers) && first > lastAnswered;
        }
        if (label.stop() && current != null && current.listNext > 0 && first == current.listNext) {
            return false; // the next item of a numbered list inside the text
        }
        int last = lastNumber;
        if (current != null && !current.answer) {
            last = Math.max(last, current.numbers.stream().max(Integer::compare).orElse(0));
        }
        return started && paragraph && first == last + 1 && numbers.size() <= 30;
    }

    /**
     * convention: a number alone as the last line of a page, when the next page opens on a bare number as well, is
     * the page's furniture (its printed number); the label is the one on the next page.
     */
    private boolean isPageFurniture(int i, NumberLabel label) {
        if (label.used() > 0) {
            return false;
        }
        boolean pageBreak = false;
        for (int j = i + 1; j < lines.size(); j++) {
            pageBreak |= layout.pages().startsPage(j) || lines.get(j).formFeedBefore();
            if (skip[j] || lines.get(j).isBlank()) {
                continue;
            }
            return pageBreak && NumberLabel.recognise(lines.get(j).text(), following(j)).isPresent();
        }
        return false;
    }

    /**
     * "3. Financiële gevolgen" between questions is a section; inside a text "1. Eerst geluisterd" starts a list and
     * "2. Dan gewogen" continues it.
     */
    private boolean isSection(SectionHeading section) {
        if (section.nested() || current == null) {
            return true;
        }
        if (section.number() > MAX_SECTION_NUMBER || section.number() == 1) {
            return false;
        }
        return current.listNext == 0 || section.number() != current.listNext;
    }

    /** Numbered list inside a text: "1." starts it, each next number continues it. */
    private void countListItem(String text) {
        Optional<QuestionStart> item = QuestionStart.recognise(text);
        if (item.isEmpty()) {
            return;
        }
        int n = item.get().number();
        if (n == 1) {
            current.listNext = 2;
        } else if (n == current.listNext) {
            current.listNext++;
        }
    }

    private void openQuestion(List<Integer> numbers, int i, boolean bare) {
        close();
        inMededeling = false;
        current = new Group(false, numbers, i, bare);
    }

    private void openAnswer(List<Integer> named, int i) {
        close(true);
        List<Integer> covers = new ArrayList<>(named);
        if (covers.isEmpty()) {
            covers.addAll(pending);
        }
        if (covers.isEmpty() && lastNumber > 0) {
            covers.add(lastNumber);
        }
        if (covers.isEmpty()) {
            layout.warnings().add("answer at line " + lines.get(i).number() + " follows no question");
            return;
        }
        current = new Group(true, covers, i, false);
    }

    private void close() {
        close(false);
    }

    /** @param beforeAnswer an answer heading comes next: the question's text holds no answer */
    private void close(boolean beforeAnswer) {
        Group g = current;
        current = null;
        if (g == null) {
            return;
        }
        if (g.answer) {
            Block block = new Block(0, g.numbers, null, g.label);
            fill(block, g.parts);
            blocks.add(block);
            pending.clear();
            lastAnswered = Math.max(lastAnswered, g.numbers.get(g.numbers.size() - 1));
            return;
        }
        List<int[]> parts = g.parts;
        List<int[]> answerParts = List.of();
        // convention: an answer letter may head only some answers; a question no heading answers, followed by the
        // next question rather than an answer heading, holds its answer after its question sentences
        boolean noHeading = partlyHeadless && !beforeAnswer && g.numbers.stream().noneMatch(headed::contains);
        if (headless || noHeading) {
            int cut = headlessAnswerStart(parts);
            if (cut > 0) {
                answerParts = parts.subList(cut, parts.size());
                parts = parts.subList(0, cut);
            }
        }
        List<List<int[]>> texts = split(parts, g.numbers.size(), g.numbers, g.bare);
        for (int k = 0; k < g.numbers.size(); k++) {
            int number = g.numbers.get(k);
            List<int[]> own = texts.get(k);
            int line = k == 0 || own.isEmpty() ? g.label : own.get(0)[0];
            if (!asked.add(number)) {
                layout.warnings().add("question " + number + " at line " + lines.get(line).number()
                        + " appears twice: its texts are joined");
            }
            String party = partyOf(own);
            Block block = new Block(number, List.of(), party, line);
            fill(block, own);
            blocks.add(block);
            pending.add(number);
            lastNumber = Math.max(lastNumber, number);
            if (party != null) {
                parties.add(party);
            }
        }
        if (!answerParts.isEmpty()) {
            Block answer = new Block(0, g.numbers, null, answerParts.get(0)[0]);
            fill(answer, answerParts);
            blocks.add(answer);
            pending.clear();
        }
    }

    private void fill(Block block, List<int[]> parts) {
        for (int[] part : parts) {
            String full = lines.get(part[0]).text();
            block.add(lines, layout.notes(), part[0], full.substring(part[1]), part[1]);
        }
    }

    private String partyOf(List<int[]> question) {
        if (kamervragen) {
            return heading == null ? null : heading.singleParty();
        }
        StringBuilder text = new StringBuilder();
        for (int[] part : question) {
            text.append(lines.get(part[0]).text().substring(part[1])).append(' ');
            if (text.length() > 500) {
                break; // the party is named in the first sentence
            }
        }
        Optional<AskingParty> asking = AskingParty.recognise(text.toString());
        String party;
        if (asking.isPresent() && asking.get().party() != null) {
            party = asking.get().party();
        } else if (asking.isPresent()) {
            party = lastParty != null ? lastParty : sectionParty;
        } else {
            party = sectionParty;
        }
        lastParty = party;
        return party;
    }

    /**
     * Cuts the text lines of a heading that names {@code count} questions into that many texts at the best breaks;
     * when there are too few breaks every question gets the whole text.
     */
    private List<List<int[]>> split(List<int[]> parts, int count, List<Integer> numbers, boolean paragraphsOnly) {
        List<List<int[]>> out = new ArrayList<>();
        if (count == 1) {
            out.add(parts);
            return out;
        }
        List<int[]> breaks = breaks(parts); // {part index, score}
        if (paragraphsOnly) {
            // convention: "5, 6 en 7" above one paragraph: the questions share it; only paragraphs part them
            breaks.removeIf(b -> b[1] < PARAGRAPH);
        }
        if (breaks.size() < count - 1) {
            if (!parts.isEmpty()) {
                layout.warnings().add("questions " + numbers + " share one text: it has no break for each of them");
            }
            for (int k = 0; k < count; k++) {
                out.add(parts);
            }
            return out;
        }
        breaks.sort(Comparator.comparingInt((int[] b) -> -b[1]).thenComparingInt(b -> b[0]));
        List<Integer> cuts = new ArrayList<>();
        for (int k = 0; k < count - 1; k++) {
            cuts.add(breaks.get(k)[0]);
        }
        cuts.sort(Integer::compare);
        int from = 0;
        for (int cut : cuts) {
            out.add(parts.subList(from, cut));
            from = cut;
        }
        out.add(parts.subList(from, parts.size()));
        return out;
    }

    /**
     * Where a new paragraph or sentence starts at a line start within {@code parts}: {part index, score}; a blank
     * line scores highest, then a line after one ending in "?", then after one ending a sentence; a short line before
     * it counts in favour.
     */
    private List<int[]> breaks(List<int[]> parts) {
        List<int[]> out = new ArrayList<>();
        for (int k = 1; k < parts.size(); k++) {
            int previous = parts.get(k - 1)[0];
            int line = parts.get(k)[0];
            String text = lines.get(line).text().substring(parts.get(k)[1]);
            String before = withoutTrailingMarker(previous);
            boolean paragraph = blankBetween(previous, line);
            char end = before.isEmpty() ? ' ' : before.charAt(before.length() - 1);
            boolean sentence = (end == '?' || end == '.' || end == '!' || end == ':') && startsSentence(text);
            if (!paragraph && !sentence) {
                continue;
            }
            int slack = Math.max(0, Math.min(40, layout.fullWidth() - before.length()));
            int score = (paragraph ? PARAGRAPH : 0) + (end == '?' ? 200 : end == '.' || end == '!' ? 100 : 0) + slack;
            out.add(new int[]{k, score});
        }
        return out;
    }

    /**
     * Where the answer starts in a question's text when no heading marks it: after the first run of sentences that
     * end in "?" at a line end; 0 when the text holds no answer.
     */
    private int headlessAnswerStart(List<int[]> parts) {
        if (parts.isEmpty()) {
            return 0;
        }
        List<int[]> breaks = breaks(parts);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        breaks.forEach(b -> starts.add(b[0]));
        boolean inQuestion = false;
        for (int u = 0; u < starts.size(); u++) {
            int end = u + 1 < starts.size() ? starts.get(u + 1) : parts.size();
            boolean asks = withoutTrailingMarker(parts.get(end - 1)[0]).endsWith("?")
                    || !kamervragen && asksIndirectly(parts.subList(starts.get(u), end));
            if (asks) {
                inQuestion = true;
            } else if (inQuestion) {
                return starts.get(u);
            }
        }
        return 0;
    }

    /** "De leden van de D66-fractie vragen of ...": a question put without a question mark. */
    private boolean asksIndirectly(List<int[]> unit) {
        StringBuilder text = new StringBuilder();
        for (int[] part : unit) {
            text.append(lines.get(part[0]).text().substring(part[1])).append(' ');
            if (text.length() > 400) {
                break;
            }
        }
        return ASKING.matcher(text).find();
    }

    private String withoutTrailingMarker(int line) {
        String text = lines.get(line).text();
        List<FootnoteLayout.Marker> markers = layout.notes().markers(line);
        for (FootnoteLayout.Marker m : markers) {
            if (m.end() == text.length()) {
                return text.substring(0, m.start()).strip();
            }
        }
        return text;
    }

    /** "Hoeveel ...", "«Dredging ...»": what a question's first line starts with; "410 XV," is no such start. */
    private static boolean startsWithCapital(String text) {
        int k = 0;
        while (k < text.length() && "«“‘\"'(".indexOf(text.charAt(k)) >= 0) {
            k++;
        }
        return k < text.length() && Character.isUpperCase(text.charAt(k));
    }

    private static boolean startsSentence(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || "«“‘\"'(–-•".indexOf(c) >= 0;
    }

    /** A blank line stands between two text lines of the same page. */
    private boolean blankBetween(int a, int b) {
        boolean blank = false;
        for (int j = a + 1; j < b; j++) {
            if (skip[j] || layout.pages().startsPage(j)) {
                return false;
            }
            blank |= lines.get(j).isBlank();
        }
        return blank && !layout.pages().startsPage(b);
    }

    private boolean startsParagraph(int i) {
        int previous = i - 1;
        while (previous >= 0 && skip[previous]) {
            previous--;
        }
        if (previous < 0 || layout.pages().startsPage(i) || lines.get(previous).isBlank()) {
            return true;
        }
        String before = withoutTrailingMarker(previous);
        char end = before.isEmpty() ? '.' : before.charAt(before.length() - 1);
        int earlier = previous - 1;
        while (earlier >= 0 && skip[earlier]) {
            earlier--;
        }
        boolean afterSignature = earlier >= 0 && ClosingLine.recognise(lines.get(earlier).text(), lines.get(previous).text());
        return end == '?' || end == '.' || end == '!' || end == ':' || afterSignature || isLabel(previous)
                || NumberLabel.recognise(before).isPresent() || SectionHeading.recognise(before).isPresent()
                || previous == titleLast;
    }

    /** The bare number just above the Kamervragen heading: the Aanhangsel number ("698"). */
    private String numberAbove(int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            if (skip[j] || lines.get(j).isBlank()) {
                continue;
            }
            String text = lines.get(j).text();
            return text.matches("\\d{1,5}") ? text : null;
        }
        return null;
    }

    private static final int MAX_FOLLOWING = 4;

    /** The next few text lines after line {@code i} (footers and footnotes left out, blank lines ending them). */
    private List<String> following(int i) {
        List<String> out = new ArrayList<>(MAX_FOLLOWING);
        for (int j = i + 1; j < lines.size() && out.size() < MAX_FOLLOWING; j++) {
            if (skip[j]) {
                continue;
            }
            if (lines.get(j).isBlank()) {
                if (out.isEmpty()) {
                    continue;
                }
                break;
            }
            out.add(lines.get(j).text());
        }
        return out;
    }

    /** The index of the {@code count}-th text line after {@code i} (the last line a label went on onto). */
    private int skipLines(int i, int count) {
        int j = i;
        for (int k = 0; k < count; k++) {
            j++;
            while (j < lines.size() && (skip[j] || lines.get(j).isBlank())) {
                j++;
            }
        }
        return Math.min(j, lines.size() - 1);
    }

    private String nextText(int i) {
        int next = i + 1;
        return next < lines.size() && !skip[next] ? lines.get(next).text() : null;
    }
}
