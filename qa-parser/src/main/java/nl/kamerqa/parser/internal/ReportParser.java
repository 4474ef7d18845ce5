package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.contracts.ParsedDocument.Reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Extracts questions, answers, footnotes and references from the text of a report-style document
 * ("verslag van een schriftelijk overleg"): numbered questions under party headings, each followed by an
 * "Antwoord". Stateless; one call per document.
 */
public final class ReportParser {

    public static final String GENRE = "SCHRIFTELIJK_OVERLEG";

    private final String version;

    public ReportParser(String version) {
        this.version = version;
    }

    public ParsedDocument parse(String input) {
        List<SourceLine> lines = LineSplitter.split(input);
        int n = lines.size();
        Footers footers = Footers.find(lines);
        boolean[] footer = footers.isFooter();
        PageFooter first = footers.own();
        PageMap pages = PageMap.build(lines, footers.footers(), new HashSet<>(PageStartLines.find(lines)));
        Warnings warnings = new Warnings();
        FootnoteLayout footnotes = FootnoteLayout.find(lines, footer, footers.pageAt(), pages,
                i -> isStructural(lines.get(i).text()), warnings);
        boolean[] skip = new boolean[n];
        List<String> textLines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            skip[i] = footer[i] || footnotes.inZone(i);
            if (!footer[i]) {
                textLines.add(lines.get(i).text());
            }
        }
        WordEvidence evidence = WordEvidence.of(textLines);
        ReportStructure structure = ReportStructure.read(lines, skip, pages, footnotes, warnings);

        TreeMap<Integer, String> textsByLine = new TreeMap<>();
        List<Question> questions = questions(structure, lines, pages, evidence, warnings, textsByLine);
        List<Footnote> footnoteRecords = new ArrayList<>();
        for (FootnoteLayout.Body body : footnotes.bodies()) {
            TextJoiner joiner = new TextJoiner(evidence);
            body.lines().forEach(joiner::add);
            footnoteRecords.add(new Footnote(body.number(), joiner.text(), body.page()));
            textsByLine.merge(body.firstLine(), joiner.text(), (a, b) -> a + " " + b);
        }
        if (questions.isEmpty()) {
            warnings.addFirst("no questions found");
        } else if (questions.stream().allMatch(q -> q.page() == null)) {
            warnings.add("printed page numbers unknown: too few page footers or page breaks to tell the pages apart");
        }
        Set<Reference> references = new LinkedHashSet<>();
        textsByLine.values().forEach(t -> references.addAll(KamerstukReferences.find(t)));

        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION,
                first == null ? null : first.documentId(),
                genre(structure, questions, input),
                structure.title(),
                first == null ? null : first.kamer(),
                first == null ? null : first.vergaderjaar(),
                first == null ? null : first.dossier(),
                first == null ? null : first.ondernummer(),
                structure.parties(), questions, footnoteRecords, List.copyOf(references), warnings.list(),
                new ParsedDocument.ParserInfo(version), null);
    }

    private static boolean isStructural(String text) {
        return AnswerHeading.recognise(text).isPresent()
                || QuestionStart.recognise(text).filter(q -> !q.rest().isEmpty()).isPresent()
                || PartyHeading.recognise(text, null).isPresent()
                || DocumentHeading.recognise(text, null).isPresent();
    }

    private static List<Question> questions(ReportStructure structure, List<SourceLine> lines, PageMap pages,
                                            WordEvidence evidence, Warnings warnings,
                                            Map<Integer, String> textsByLine) {
        Map<Integer, ReportStructure.Block> questionBlocks = new LinkedHashMap<>();
        Map<Integer, ReportStructure.Block> answerOf = new HashMap<>();
        Map<ReportStructure.Block, Answer> answers = new IdentityHashMap<>();
        for (ReportStructure.Block block : structure.blocks()) {
            if (block.isQuestion()) {
                questionBlocks.putIfAbsent(block.number, block);
            }
        }
        for (ReportStructure.Block block : structure.blocks()) {
            if (block.isQuestion()) {
                continue;
            }
            for (int number : block.covers) {
                ReportStructure.Block owner = answerOf.get(number);
                if (!questionBlocks.containsKey(number)) {
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
        List<Question> questions = new ArrayList<>();
        for (ReportStructure.Block q : questionBlocks.values()) {
            ReportStructure.Block a = answerOf.get(q.number);
            Answer answer = null;
            if (a == null) {
                warnings.add("question " + q.number + " has no answer");
            } else {
                answer = answers.computeIfAbsent(a, block -> {
                    String text = join(block, evidence);
                    textsByLine.merge(block.line, text, (x, y) -> x);
                    return new Answer(text, pages.page(block.line), lines.get(block.line).number(),
                            block.covers.stream().map(String::valueOf).toList(), block.footnotes);
                });
            }
            String text = join(q, evidence);
            textsByLine.merge(q.line, text, (x, y) -> x + " " + y);
            questions.add(new Question(String.valueOf(q.number), q.party, text, pages.page(q.line),
                    lines.get(q.line).number(), q.footnotes, answer));
        }
        return questions;
    }

    private static String join(ReportStructure.Block block, WordEvidence evidence) {
        TextJoiner joiner = new TextJoiner(evidence);
        block.pieces.forEach(joiner::add);
        return joiner.text();
    }

    private static String genre(ReportStructure structure, List<Question> questions, String input) {
        boolean layout = !structure.parties().isEmpty() || (!questions.isEmpty() && structure.hasAnswerHeadings());
        if (layout) {
            return GENRE;
        }
        int probe = Math.min(input.length(), 20_000);
        return input.substring(0, probe).toLowerCase(Locale.ROOT).contains("schriftelijk overleg") ? GENRE : null;
    }
}
