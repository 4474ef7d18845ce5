package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.QaAssembler.FlowBlock;
import nl.kamerqa.parser.format.QaAssembler.FlowKind;
import nl.kamerqa.parser.format.QaAssembler.Passage;
import nl.kamerqa.parser.format.QaAssembler.QaBlock;
import nl.kamerqa.parser.format.XmlTree.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of publication XML as the blocks {@link QaAssembler} reads: the {@code vraag} and {@code antwoord} of
 * Kamervragen with their {@code nr} labels, and a Kamerstuk's {@code stuk} as a flow of {@code tussenkop},
 * {@code al} and {@code lijst/li}.
 */
final class XmlBlocks {

    // structure and furniture that are no running text of a Kamerstuk
    private static final Set<String> NOT_FLOW = Set.of("noot", "stuknr", "titel", "datumtekst", "ondertekening",
            "tekst-sluiting", "metadata", "meta", "nr", "li.nr");

    private final XmlPassages passages;

    XmlBlocks(XmlPassages passages) {
        this.passages = passages;
    }

    /** The {@code vraag} and {@code antwoord} children of {@code kamervragen}, in document order. */
    List<QaBlock> questionsAndAnswers(Node kamervragen) {
        List<QaBlock> blocks = new ArrayList<>();
        for (Node child : kamervragen.elements()) {
            switch (child.name) {
                case "vraag" -> blocks.add(block(child, false));
                case "antwoord" -> blocks.add(block(child, true));
                default -> {
                    // kop, nummer, omschrijvingen, opmerking, noten: metadata, read by the reader
                }
            }
        }
        return blocks;
    }

    /** A vraag or antwoord: its nr labels and its paragraphs (al, list items, anything else with text). */
    private QaBlock block(Node node, boolean answer) {
        List<String> labels = new ArrayList<>();
        List<Passage> paragraphs = new ArrayList<>();
        for (Object c : node.children) {
            if (c instanceof String s) {
                if (!Texts.isBlank(s)) {
                    paragraphs.add(new Passage(Texts.collapse(s), List.of(), node.line));
                }
                continue;
            }
            Node child = (Node) c;
            switch (child.name) {
                case "nr" -> labels.add(child.text());
                case "noot" -> {
                    // a footnote standing between paragraphs cites nothing in them
                }
                case "lijst" -> paragraphs.addAll(listItems(child));
                default -> {
                    Passage p = passages.of(child);
                    if (!p.text().isEmpty()) {
                        paragraphs.add(p);
                    }
                }
            }
        }
        return new QaBlock(answer, labels, paragraphs, node.line);
    }

    private List<Passage> listItems(Node lijst) {
        List<Passage> out = new ArrayList<>();
        for (Node li : lijst.elements("li")) {
            Node nr = li.element("li.nr");
            Node copy = new Node("li", Map.of(), li.line);
            li.children.stream().filter(c -> !(c instanceof Node n && (n.name.equals("li.nr") || n.name.equals("lijst"))))
                    .forEach(c -> {
                        copy.children.add(c);
                        copy.children.add(" ");
                    });
            Passage p = passages.of(copy);
            String label = nr == null ? "" : nr.text();
            out.add(new Passage(Texts.collapse(label + " " + p.text()), p.footnotes(), li.line));
            for (Node nested : li.elements("lijst")) {
                out.addAll(listItems(nested));
            }
        }
        return out;
    }

    /** The stuk's text as a flow of headings, paragraphs and list items, in document order. */
    List<FlowBlock> flow(Node stuk) {
        List<FlowBlock> blocks = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        pushChildren(stack, stuk);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (NOT_FLOW.contains(n.name) && n != stuk) {
                continue;
            }
            switch (n.name) {
                case "tussenkop", "kop" -> add(blocks, FlowKind.HEADING, null, passages.of(n));
                case "al" -> add(blocks, FlowKind.PARAGRAPH, null, passages.of(n));
                case "li" -> {
                    Node nr = n.element("li.nr");
                    List<Node> nested = new ArrayList<>();
                    Node copy = new Node("li", Map.of(), n.line);
                    for (Object c : n.children) {
                        if (c instanceof Node child && child.name.equals("lijst")) {
                            nested.add(child);
                        } else if (!(c instanceof Node child && child.name.equals("li.nr"))) {
                            copy.children.add(c);
                            copy.children.add(" ");
                        }
                    }
                    add(blocks, FlowKind.LIST_ITEM, nr == null ? null : nr.text(), passages.of(copy));
                    for (int i = nested.size() - 1; i >= 0; i--) {
                        stack.push(nested.get(i));
                    }
                }
                default -> pushChildren(stack, n);
            }
        }
        return blocks;
    }

    private static void add(List<FlowBlock> blocks, FlowKind kind, String label, Passage passage) {
        if (!passage.text().isEmpty()) {
            blocks.add(new FlowBlock(kind, label, passage));
        }
    }

    private static void pushChildren(Deque<Node> stack, Node node) {
        List<Node> kids = node.elements();
        for (int i = kids.size() - 1; i >= 0; i--) {
            stack.push(kids.get(i));
        }
    }
}
