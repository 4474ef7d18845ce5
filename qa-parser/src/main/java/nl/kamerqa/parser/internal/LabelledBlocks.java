package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The blocks a labelled text's groups close into, and what the walk needs to know of them: the questions asked so
 * far, those still waiting for an answer, the parties.
 * <p>
 * convention: the asking party, for Kamervragen, is the askers' party when they all share one; otherwise the party
 * the question names ({@link AskingParty}), the previous question's when it refers back ("deze leden"), else the
 * party of the section heading above it.
 */
final class LabelledBlocks {

    private final TextLines lines;
    private final TextLayout layout;
    private final LabelRules rules;
    private final LabelSurvey survey;
    private final QuestionCutter cutter;

    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> parties = new LinkedHashSet<>();
    private final Set<Integer> asked = new LinkedHashSet<>();
    private final List<Integer> pending = new ArrayList<>();
    private int lastNumber;
    private int lastAnswered;
    private String sectionParty;
    private String lastParty;

    LabelledBlocks(TextLines lines, TextLayout layout, LabelRules rules, LabelSurvey survey) {
        this.lines = lines;
        this.layout = layout;
        this.rules = rules;
        this.survey = survey;
        this.cutter = new QuestionCutter(lines, layout.fullWidth(), layout.warnings(), rules.indirectAsking());
    }

    List<Block> blocks() {
        return blocks;
    }

    List<String> parties() {
        return List.copyOf(parties);
    }

    void addParty(String party) {
        parties.add(party);
    }

    /** A party heading: the questions under it are that party's unless they name another. */
    void section(String party) {
        sectionParty = party;
        lastParty = party;
    }

    /** The highest question number so far. */
    int lastNumber() {
        return lastNumber;
    }

    /** The highest question number an answer heading covered. */
    int lastAnswered() {
        return lastAnswered;
    }

    boolean asked(List<Integer> numbers) {
        return asked.containsAll(numbers);
    }

    /** What an answer heading naming {@code named} covers: those, else the questions since the last answer. */
    List<Integer> covers(List<Integer> named) {
        List<Integer> covers = new ArrayList<>(named);
        if (covers.isEmpty()) {
            covers.addAll(pending);
        }
        if (covers.isEmpty() && lastNumber > 0) {
            covers.add(lastNumber);
        }
        return covers;
    }

    /**
     * Closes a group into blocks.
     *
     * @param beforeAnswer an answer heading comes next: the question's text holds no answer
     * @param heading      the Kamervragen heading read so far, null when there is none
     */
    void close(LabelGroup g, boolean beforeAnswer, KamervragenHeading heading) {
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
        boolean noHeading = survey.partlyHeadless() && !beforeAnswer && g.numbers.stream().noneMatch(survey.headed()::contains);
        if (survey.headless() || noHeading) {
            int cut = cutter.headlessAnswerStart(parts);
            if (cut > 0) {
                answerParts = parts.subList(cut, parts.size());
                parts = parts.subList(0, cut);
            }
        }
        List<List<int[]>> texts = cutter.split(parts, g.numbers, g.bare);
        for (int k = 0; k < g.numbers.size(); k++) {
            int number = g.numbers.get(k);
            List<int[]> own = texts.get(k);
            int line = k == 0 || own.isEmpty() ? g.label : own.get(0)[0];
            if (!asked.add(number)) {
                layout.warnings().add("question " + number + " at line " + lines.lines().get(line).number()
                        + " appears twice: its texts are joined");
            }
            String party = partyOf(own, heading);
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
            block.add(lines.lines(), layout.notes(), part[0], lines.text(part), part[1]);
        }
    }

    private String partyOf(List<int[]> question, KamervragenHeading heading) {
        if (rules.askersParty()) {
            return heading == null ? null : heading.singleParty();
        }
        StringBuilder text = new StringBuilder();
        for (int[] part : question) {
            text.append(lines.text(part)).append(' ');
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
}
