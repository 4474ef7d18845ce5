package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.QaAssembler.Passage;
import nl.kamerqa.parser.format.XmlTree.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The running text of publication XML elements: a {@link Passage} per element with its footnotes ({@code noot} where
 * it stands, or cited by {@code nootref}) taken out and listed by number, and the footnote table,
 * {@code noot[@type='voet']/{noot.nr,noot.al}}, those numbers refer to.
 */
final class XmlPassages {

    private final PublicationNotes notes = new PublicationNotes();

    /** Reads the footnotes of the publication below {@code root}. */
    XmlPassages(Node root) {
        int sequence = 0;
        for (Node noot : root.find(n -> n.name.equals("noot"))) {
            String type = noot.attr("type");
            if (type != null && !type.equals("voet")) {
                continue;
            }
            sequence++;
            Node nr = noot.element("noot.nr");
            String digits = nr == null ? "" : nr.text().replaceAll("\\D", "");
            int number = digits.isEmpty() || digits.length() > 6 ? sequence : Integer.parseInt(digits);
            if (noot.attr("id") != null) {
                notes.name(noot.attr("id"), number);
            }
            List<String> paragraphs = new ArrayList<>();
            for (Node al : noot.elements("noot.al")) {
                paragraphs.add(of(al).text());
            }
            if (paragraphs.isEmpty()) {
                // a noot with its text directly inside
                Node copy = new Node("noot", Map.of(), noot.line);
                noot.children.stream().filter(c -> !(c instanceof Node n && n.name.equals("noot.nr")))
                        .forEach(copy.children::add);
                paragraphs.add(of(copy).text());
            }
            notes.add(number, String.join(" ", paragraphs).strip());
        }
    }

    PublicationNotes notes() {
        return notes;
    }

    /** Text of an element with its footnotes taken out and listed; whitespace collapsed. */
    Passage of(Node node) {
        PassageText passage = new PassageText();
        Deque<Object> work = new ArrayDeque<>();
        work.push(node.children);
        // iterative walk: (list, index) frames so deep inline nesting cannot overflow the stack
        Deque<int[]> index = new ArrayDeque<>();
        index.push(new int[]{0});
        boolean lastWasElement = false;
        while (!work.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object> children = (List<Object>) work.peek();
            int[] i = index.peek();
            if (i[0] >= children.size()) {
                work.pop();
                index.pop();
                lastWasElement = true;
                continue;
            }
            Object c = children.get(i[0]++);
            if (c instanceof String s) {
                passage.append(s);
                lastWasElement = false;
                continue;
            }
            Node child = (Node) c;
            switch (child.name) {
                case "noot" -> passage.cite(noteNumber(child));
                case "nootref" -> passage.cite(notes.numberOf(child.attr("refid")));
                case "br" -> passage.space();
                default -> {
                    // adjacent elements are separate words (<voorletters>S.</voorletters><achternaam>...)
                    if (lastWasElement) {
                        passage.space();
                    }
                    work.push(child.children);
                    index.push(new int[]{0});
                }
            }
            lastWasElement = true;
        }
        return passage.passage(node.line);
    }

    private Integer noteNumber(Node noot) {
        if (noot.attr("type") != null && !noot.attr("type").equals("voet")) {
            return null;
        }
        if (noot.attr("id") != null && notes.names(noot.attr("id"))) {
            return notes.numberOf(noot.attr("id"));
        }
        Node nr = noot.element("noot.nr");
        String digits = nr == null ? "" : nr.text().replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 6 ? null : Integer.parseInt(digits);
    }
}
