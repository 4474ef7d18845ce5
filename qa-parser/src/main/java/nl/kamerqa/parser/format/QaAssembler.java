package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.format.QuestionLabels.Label;
import nl.kamerqa.parser.rules.DocumentHeading;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionStart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds questions with their answers from the blocks a structured source (official XML, the HTML pages) is made
 * of. Two shapes: Kamervragen, where the source marks every question and answer ({@link #kamervragen}), and
 * Kamerstukken, a flow of headings and paragraphs with numbered questions ({@link #kamerstuk}).
 */
final class QaAssembler {

    /** A paragraph of source text: whitespace collapsed, footnote markers taken out and listed, its source line. */
    record Passage(String text, List<Integer> footnotes, Integer line) {
        Passage {
            footnotes = List.copyOf(footnotes);
        }
    }

    /** A {@code vraag} or {@code antwoord} of Kamervragen: the numbers its labels name and its paragraphs. */
    record QaBlock(boolean answer, List<String> labels, List<Passage> passages, Integer line) {
    }

    /** One block of a Kamerstuk's text flow. */
    record FlowBlock(FlowKind kind, String label, Passage passage) {
    }

    enum FlowKind { HEADING, PARAGRAPH, LIST_ITEM }

    record Result(List<Question> questions, List<String> parties, List<String> warnings) {
    }

    private static final class Draft {
        final String number;
        final String party;
        final Integer line;
        final List<Passage> passages = new ArrayList<>();
        Answer answer;

        Draft(String number, String party, Integer line) {
            this.number = number;
            this.party = party;
            this.line = line;
        }
    }

    private QaAssembler() {
    }

    /**
     * Kamervragen: each {@code vraag} names its number(s) in a label ("Vraag 10 en 11") or is numbered by position;
     * each {@code antwoord} names the questions it answers or answers the questions asked since the previous answer.
     * A block naming several questions with as many paragraphs gives one paragraph to each.
     */
    static Result kamervragen(List<QaBlock> blocks, String party) {
        Map<String, Draft> questions = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int implicit = 0;
        for (QaBlock block : blocks) {
            List<Passage> passages = new ArrayList<>(block.passages());
            List<String> numbers = new ArrayList<>();
            for (String label : block.labels()) {
                numbers.addAll(QuestionLabels.numbers(label));
            }
            if (block.labels().isEmpty() && !passages.isEmpty()) {
                // the label may be the first paragraph: <al>Vraag 1</al>, <al>Antwoord op vragen 2 en 3: Ja.</al>
                Passage first = passages.get(0);
                Optional<Label> label = block.answer() ? QuestionLabels.answerHeading(first.text())
                        : QuestionLabels.questionLabel(first.text());
                if (label.isPresent()) {
                    passages.remove(0);
                    numbers.addAll(label.get().numbers());
                    if (!label.get().rest().isEmpty()) {
                        passages.add(0, new Passage(label.get().rest(), first.footnotes(), first.line()));
                    }
                }
            }
            if (!block.answer()) {
                if (numbers.isEmpty()) {
                    numbers.add(String.valueOf(implicit + 1));
                }
                addQuestions(questions, numbers, passages, party, block.line(), warnings);
                pending.addAll(numbers);
                implicit = lastNumeric(numbers, implicit);
            } else {
                if (numbers.isEmpty()) {
                    numbers.addAll(pending);
                }
                if (numbers.isEmpty()) {
                    warnings.add("answer at line " + block.line() + " follows no question: left out");
                    continue;
                }
                Passage joined = join(passages, block.line());
                attach(questions, numbers, joined, warnings);
                pending.clear();
            }
        }
        return new Result(build(questions), List.of(), warnings);
    }

    private static void addQuestions(Map<String, Draft> questions, List<String> numbers, List<Passage> passages,
                                     String party, Integer line, List<String> warnings) {
        boolean oneEach = numbers.size() > 1 && passages.size() == numbers.size();
        if (numbers.size() > 1 && !oneEach) {
            warnings.add("questions " + String.join(", ", numbers) + " share one text of " + passages.size()
                    + " paragraphs: each carries all of it");
        }
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            List<Passage> own = oneEach ? List.of(passages.get(i)) : passages;
            Integer start = own.isEmpty() ? line : own.get(0).line();
            Draft draft = questions.get(number);
            if (draft != null) {
                warnings.add("question " + number + " appears twice: its texts are joined");
            } else {
                draft = new Draft(number, party, start);
                questions.put(number, draft);
            }
            draft.passages.addAll(own);
        }
    }

    private static void attach(Map<String, Draft> questions, List<String> numbers, Passage text, List<String> warnings) {
        Answer answer = new Answer(text.text(), null, text.line(), numbers, text.footnotes());
        for (String n : numbers) {
            Draft draft = questions.get(n);
            if (draft == null) {
                warnings.add("answer to question " + n + " has no question " + n);
            } else if (draft.answer != null) {
                warnings.add("question " + n + " is answered twice: the first answer is kept");
            } else {
                draft.answer = answer;
            }
        }
    }

    /**
     * Kamerstukken: party headings set the asking party, a numbered paragraph or list item or a question label starts
     * a question (a label naming several, "Vragen 2 en 3", starts them all), an answer heading ("Antwoord", "Antwoord
     * vraag 7 en 8") starts the reply to the questions it names or to those asked since the last reply; a part
     * heading ("Reactie van de bewindspersoon") ends what is open; other paragraphs continue what is open. Text
     * before the first question is skipped.
     */
    static Result kamerstuk(List<FlowBlock> blocks) {
        Map<String, Draft> questions = new LinkedHashMap<>();
        Set<String> parties = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        String party = null;
        Label asked = null;
        List<Passage> askedPassages = new ArrayList<>();
        Integer askedLine = null;
        List<String> answerCovers = null;
        List<Passage> answerPassages = new ArrayList<>();
        for (FlowBlock block : blocks) {
            Passage passage = block.passage();
            String text = passage.text();
            boolean item = block.kind() == FlowKind.LIST_ITEM;
            Optional<String> partyName = item ? Optional.empty()
                    : PartyHeading.recognise(text, null).map(PartyHeading.Match::party);
            boolean part = !item && (partyName.isPresent() || DocumentHeading.recognise(text, null).isPresent());
            Optional<Label> answerHeading = item ? Optional.empty() : QuestionLabels.answerHeading(text);
            Optional<Label> opened = opensQuestion(block);
            if (part || answerHeading.isPresent() || opened.isPresent()) {
                // a party section, a part of the report, an answer or a question: what was open ends
                if (asked != null) {
                    addQuestions(questions, asked.numbers(), askedPassages, party, askedLine, warnings);
                    pending.addAll(asked.numbers());
                }
                closeAnswer(questions, answerCovers, answerPassages, warnings);
                asked = null;
                askedPassages = new ArrayList<>();
                answerCovers = null;
            }
            if (part) {
                partyName.ifPresent(parties::add);
                party = partyName.orElse(party);
            } else if (answerHeading.isPresent()) {
                List<String> named = answerHeading.get().numbers();
                answerCovers = !named.isEmpty() ? named : !pending.isEmpty() ? new ArrayList<>(pending) : null;
                if (answerCovers == null) {
                    warnings.add("answer heading at line " + passage.line() + " follows no question: left out");
                } else if (!answerHeading.get().rest().isEmpty()) {
                    answerPassages.add(new Passage(answerHeading.get().rest(), passage.footnotes(), passage.line()));
                }
                pending.clear();
            } else if (opened.isPresent()) {
                asked = opened.get();
                askedLine = passage.line();
                if (!asked.rest().isEmpty()) {
                    askedPassages.add(new Passage(asked.rest(), passage.footnotes(), passage.line()));
                }
            } else {
                if (item && block.label() != null && !block.label().isBlank()) {
                    // a bulleted or lettered item keeps its mark: "– dat mensen ...", "a. ..."
                    passage = new Passage(Texts.collapse(block.label() + " " + text), passage.footnotes(), passage.line());
                }
                if (answerCovers != null) {
                    answerPassages.add(passage);
                } else if (asked != null) {
                    askedPassages.add(passage);
                }
            }
        }
        if (asked != null) {
            addQuestions(questions, asked.numbers(), askedPassages, party, askedLine, warnings);
        }
        closeAnswer(questions, answerCovers, answerPassages, warnings);
        return new Result(build(questions), List.copyOf(parties), warnings);
    }

    /** A numbered list item, a numbered paragraph ("7. De leden ...") or a question label starts a question. */
    private static Optional<Label> opensQuestion(FlowBlock block) {
        String text = block.passage().text();
        if (block.kind() == FlowKind.LIST_ITEM) {
            String label = block.label() == null ? "" : block.label().strip();
            return label.matches("\\d{1,3}[.)]?") && Integer.parseInt(label.replaceAll("\\D", "")) > 0
                    ? Optional.of(new Label(List.of(String.valueOf(Integer.parseInt(label.replaceAll("\\D", "")))), text))
                    : Optional.empty();
        }
        Optional<Label> numbered = block.kind() != FlowKind.PARAGRAPH ? Optional.empty()
                : QuestionStart.recognise(text).map(q -> new Label(List.of(String.valueOf(q.number())), q.rest()));
        return numbered.or(() -> QuestionLabels.questionLabel(text));
    }

    private static void closeAnswer(Map<String, Draft> questions, List<String> covers, List<Passage> passages,
                                    List<String> warnings) {
        if (covers != null) {
            attach(questions, covers, join(passages, passages.isEmpty() ? null : passages.get(0).line()), warnings);
        }
        passages.clear();
    }

    private static Passage join(List<Passage> passages, Integer line) {
        List<String> texts = new ArrayList<>();
        Set<Integer> notes = new LinkedHashSet<>();
        for (Passage p : passages) {
            if (!p.text().isEmpty()) {
                texts.add(p.text());
            }
            notes.addAll(p.footnotes());
        }
        return new Passage(String.join(" ", texts), new ArrayList<>(notes), passages.isEmpty() ? line : passages.get(0).line());
    }

    private static List<Question> build(Map<String, Draft> drafts) {
        List<Question> out = new ArrayList<>();
        for (Draft d : drafts.values()) {
            Passage text = join(d.passages, d.line);
            out.add(new Question(d.number, d.party, text.text(), null, d.line, text.footnotes(), d.answer));
        }
        return out;
    }

    private static int lastNumeric(List<String> numbers, int fallback) {
        for (int i = numbers.size() - 1; i >= 0; i--) {
            if (numbers.get(i).matches("\\d+")) {
                return Integer.parseInt(numbers.get(i));
            }
        }
        return fallback;
    }
}
