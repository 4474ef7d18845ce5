package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.contracts.ParsedDocument.Reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the blocks a structure reader found into the records of the contract: questions with their answers (one
 * answer to several questions on each of them, with the same text), footnotes, and the Kamerstuk references in all
 * texts in document order.
 */
final class QaAssembly {

    private final TextLayout layout;
    private final TreeMap<Integer, String> textsByLine = new TreeMap<>();
    private final List<Question> questions;
    private final List<Footnote> footnotes = new ArrayList<>();

    QaAssembly(TextLayout layout, List<Block> blocks, boolean warnUnanswered) {
        this(layout, blocks, warnUnanswered, layout.warnings());
    }

    /** @param warnings where to say what does not fit (a reader that may not be chosen keeps them apart) */
    QaAssembly(TextLayout layout, List<Block> blocks, boolean warnUnanswered, Warnings warnings) {
        this.layout = layout;
        this.questions = questions(blocks, warnUnanswered, warnings);
        for (FootnoteLayout.Body body : layout.notes().bodies()) {
            TextJoiner joiner = new TextJoiner(layout.evidence());
            body.lines().forEach(joiner::add);
            footnotes.add(new Footnote(body.number(), joiner.text(), body.page()));
            textsByLine.merge(body.firstLine(), joiner.text(), (a, b) -> a + " " + b);
        }
    }

    List<Question> questions() {
        return questions;
    }

    List<Footnote> footnotes() {
        return footnotes;
    }

    List<Reference> references() {
        Set<Reference> references = new LinkedHashSet<>();
        textsByLine.values().forEach(t -> references.addAll(KamerstukReferences.find(t)));
        return List.copyOf(references);
    }

    private List<Question> questions(List<Block> blocks, boolean warnUnanswered, Warnings warnings) {
        List<SourceLine> lines = layout.lines();
        Map<Integer, Block> questionBlocks = new LinkedHashMap<>();
        Map<Integer, Block> answerOf = new HashMap<>();
        Map<Block, Answer> answers = new IdentityHashMap<>();
        for (Block block : blocks) {
            if (!block.isQuestion()) {
                continue;
            }
            Block first = questionBlocks.putIfAbsent(block.number, block);
            if (first != null && first != block) {
                first.pieces.addAll(block.pieces);
                block.footnotes.stream().filter(f -> !first.footnotes.contains(f)).forEach(first.footnotes::add);
            }
        }
        for (Block block : blocks) {
            if (block.isQuestion()) {
                continue;
            }
            for (int number : block.covers) {
                Block owner = answerOf.get(number);
                if (!questionBlocks.containsKey(number) && warnings.isFull()) {
                    warnings.drop();
                } else if (!questionBlocks.containsKey(number)) {
                    warnings.add("answer at line " + lines.get(block.line).number() + " names question " + number
                            + ", which is not in the document");
                } else if (owner == null) {
                    answerOf.put(number, block);
                } else if (owner != block) {
                    warnings.add("question " + number + " has a second answer at line "
                            + lines.get(block.line).number() + "; it is appended to the first");
                    owner.pieces.addAll(block.pieces);
                    block.footnotes.stream().filter(f -> !owner.footnotes.contains(f)).forEach(owner.footnotes::add);
                }
            }
        }
        List<Question> out = new ArrayList<>();
        for (Block q : questionBlocks.values()) {
            Block a = answerOf.get(q.number);
            Answer answer = null;
            if (a == null) {
                if (warnUnanswered) {
                    warnings.add("question " + q.number + " has no answer");
                }
            } else {
                answer = answers.computeIfAbsent(a, block -> {
                    String text = join(block);
                    textsByLine.merge(block.line, text, (x, y) -> x);
                    return new Answer(text, layout.pages().page(block.line), lines.get(block.line).number(),
                            block.covers.stream().map(String::valueOf).toList(), block.footnotes);
                });
            }
            String text = join(q);
            textsByLine.merge(q.line, text, (x, y) -> x + " " + y);
            out.add(new Question(String.valueOf(q.number), q.party, text, layout.pages().page(q.line),
                    lines.get(q.line).number(), q.footnotes, answer));
        }
        return out;
    }

    private String join(Block block) {
        TextJoiner joiner = new TextJoiner(layout.evidence());
        block.pieces.forEach(joiner::add);
        return joiner.text();
    }
}
