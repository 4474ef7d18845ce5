package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.parser.OfficialIds;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.format.QaAssembler.FlowBlock;
import nl.kamerqa.parser.format.QaAssembler.FlowKind;
import nl.kamerqa.parser.format.QaAssembler.Passage;
import nl.kamerqa.parser.format.QaAssembler.QaBlock;
import nl.kamerqa.parser.format.XmlTree.Node;
import nl.kamerqa.parser.internal.KamervragenMetadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps official publication XML (root {@code officiele-publicatie}, as zoek.officielebekendmakingen.nl serves it)
 * straight to a {@link ParsedDocument}: the structure is in the elements, so no text heuristics are needed.
 * <ul>
 *   <li>{@code kamervragen}: {@code vraag/{nr,al}} and {@code antwoord/{nr,al}} (an {@code antwoord} with several
 *       numbers covers them all), {@code kamervraagomschrijving[@type]} for the title and the askers' parties,
 *       {@code kamervraagkop/tekstregel} and {@code kamervraagnummer} for the metadata; genre KAMERVRAGEN;</li>
 *   <li>{@code kamerstuk/…/stuk}: {@code al}, {@code lijst/li}, {@code tussenkop} read as a flow with party
 *       headings, numbered questions and "Antwoord" headings; genre from the stuk's title;</li>
 *   <li>footnotes {@code noot[@type='voet']/{noot.nr,noot.al}}, taken out of the text where they stand (or cited by
 *       {@code nootref}) and listed on the question or answer.</li>
 * </ul>
 * Line numbers are the XML's own. Parsing is hardened against XXE and entity expansion ({@link XmlTree}).
 */
public final class XmlDocumentReader {

    // structure and furniture that are no running text of a Kamerstuk
    private static final Set<String> NOT_FLOW = Set.of("noot", "stuknr", "titel", "datumtekst", "ondertekening",
            "tekst-sluiting", "metadata", "meta", "nr", "li.nr");

    private XmlDocumentReader() {
    }

    /** The parsed document; {@link UnsupportedDocumentException} for unsafe, malformed or non-publication XML. */
    public static ParsedDocument read(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        Node root = XmlTree.parse(xml);
        if (!"officiele-publicatie".equals(root.name)) {
            throw new UnsupportedDocumentException("XML root <" + root.name
                    + "> is not an official publication (<officiele-publicatie>)");
        }
        try {
            return new Mapping(root).document();
        } catch (UnsupportedDocumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnsupportedDocumentException("publication XML could not be mapped: " + e, e);
        }
    }

    private static final class Mapping {
        private final Node root;
        private final Map<String, String> meta = new LinkedHashMap<>();
        private final Map<String, Integer> noteNumberById = new HashMap<>();
        private final Map<Integer, Footnote> footnotes = new LinkedHashMap<>();

        Mapping(Node root) {
            this.root = root;
            for (Node m : root.find(n -> n.name.equals("meta"))) {
                if (m.attr("name") != null && m.attr("content") != null) {
                    meta.putIfAbsent(m.attr("name"), m.attr("content"));
                }
            }
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
                    noteNumberById.put(noot.attr("id"), number);
                }
                List<String> paragraphs = new ArrayList<>();
                for (Node al : noot.elements("noot.al")) {
                    paragraphs.add(passage(al).text());
                }
                if (paragraphs.isEmpty()) {
                    // a noot with its text directly inside
                    Node copy = new Node("noot", Map.of(), noot.line);
                    noot.children.stream().filter(c -> !(c instanceof Node n && n.name.equals("noot.nr")))
                            .forEach(copy.children::add);
                    paragraphs.add(passage(copy).text());
                }
                footnotes.putIfAbsent(number, new Footnote(number, String.join(" ", paragraphs).strip(), null));
            }
        }

        ParsedDocument document() {
            Node kamervragen = root.first("kamervragen");
            if (kamervragen != null) {
                return kamervragen(kamervragen);
            }
            Node kamerstuk = root.first("kamerstuk");
            if (kamerstuk != null) {
                return kamerstuk(kamerstuk);
            }
            String id = Publications.identifier(meta);
            return Publications.document(id, null, Publications.metaValue(meta, "DC.title"), null,
                    Publications.vergaderjaar(Publications.metaValue(meta, "OVERHEIDop.vergaderjaar")), null, null,
                    List.of(), List.of(), footnoteList(),
                    List.of("publication holds neither kamervragen nor a kamerstuk"));
        }

        private ParsedDocument kamervragen(Node kv) {
            Map<String, String> kop = tekstregels(kv.element("kamervraagkop"));
            String kamer = Publications.kamer(kop.getOrDefault("kamer", kop.get("kameraanduiding")));
            String vergaderjaar = Publications.vergaderjaar(kop.getOrDefault("vergaderjaar",
                    Publications.metaValue(meta, "OVERHEIDop.vergaderjaar")));
            Node nummer = kv.element("kamervraagnummer");
            String number = nummer == null ? null : nummer.text();

            Node askedBy = null;
            Node answeredBy = null;
            Node mededeling = null;
            for (Node o : kv.elements("kamervraagomschrijving")) {
                String type = o.attr("type");
                if (askedBy == null && (type == null || type.equals("vraag"))) {
                    askedBy = o;
                } else if (answeredBy == null && type != null && !type.equals("vraag")) {
                    answeredBy = o;
                }
            }
            String title = askedBy == null ? null : passage(askedBy).text();
            List<String> parties = Publications.partiesOfOmschrijving(title);

            List<QaBlock> blocks = new ArrayList<>();
            boolean anyAnswer = false;
            for (Node child : kv.elements()) {
                switch (child.name) {
                    case "vraag" -> blocks.add(block(child, false));
                    case "antwoord" -> {
                        blocks.add(block(child, true));
                        anyAnswer = true;
                    }
                    case "kamervraagopmerking" -> mededeling = child;
                    default -> {
                        // kop, nummer, omschrijvingen, noten: read above
                    }
                }
            }
            QaAssembler.Result result = QaAssembler.kamervragen(blocks, Publications.singleParty(parties));
            List<String> warnings = new ArrayList<>(result.warnings());
            if (!anyAnswer && mededeling != null) {
                // convention: a "Mededeling" says the questions were answered elsewhere; it answers none of them
                warnings.add("no answers; mededeling: " + passage(mededeling).text());
            }
            String id = Publications.identifier(meta);
            if (id == null) {
                id = OfficialIds.aanhangsel(kamer, vergaderjaar, number);
            }
            if (kamer == null) {
                kamer = Publications.kamerOfIdentifier(id);
            }
            String answerSentence = answeredBy == null ? null : passage(answeredBy).text();
            String mededelingText = mededeling == null || anyAnswer ? null : passage(mededeling).text();
            return Publications.document(id, Publications.GENRE_KAMERVRAGEN, title, kamer, vergaderjaar, null, null,
                    parties, result.questions(), footnoteList(), warnings)
                    .withKamervragen(KamervragenMetadata.of(title, answerSentence, number == null ? null : number.strip(),
                            mededelingText, isoDate(askedBy), isoDate(answeredBy)));
        }

        /** {@code <datum isodatum="2024-04-04">} inside an omschrijving, null when absent. */
        private static String isoDate(Node omschrijving) {
            if (omschrijving == null) {
                return null;
            }
            for (Node datum : omschrijving.find(n -> n.name.equals("datum"))) {
                String iso = datum.attr("isodatum");
                if (iso != null && iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return iso;
                }
            }
            return null;
        }

        /** A vraag or antwoord: its nr labels and its paragraphs (al, list items, anything else with text). */
        private QaBlock block(Node node, boolean answer) {
            List<String> labels = new ArrayList<>();
            List<Passage> passages = new ArrayList<>();
            for (Object c : node.children) {
                if (c instanceof String s) {
                    if (!Texts.isBlank(s)) {
                        passages.add(new Passage(Texts.collapse(s), List.of(), node.line));
                    }
                    continue;
                }
                Node child = (Node) c;
                switch (child.name) {
                    case "nr" -> labels.add(child.text());
                    case "noot" -> {
                        // a footnote standing between paragraphs cites nothing in them
                    }
                    case "lijst" -> passages.addAll(listItems(child));
                    default -> {
                        Passage p = passage(child);
                        if (!p.text().isEmpty()) {
                            passages.add(p);
                        }
                    }
                }
            }
            return new QaBlock(answer, labels, passages, node.line);
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
                Passage p = passage(copy);
                String label = nr == null ? "" : nr.text();
                out.add(new Passage(Texts.collapse(label + " " + p.text()), p.footnotes(), li.line));
                for (Node nested : li.elements("lijst")) {
                    out.addAll(listItems(nested));
                }
            }
            return out;
        }

        private ParsedDocument kamerstuk(Node ks) {
            Map<String, String> kop = tekstregels(ks.element("kamerstukkop"));
            // the kop names the Kamer as inhoud "kamer" or (kamerstukken 2014 onwards) "kameraanduiding"
            String kamer = Publications.kamer(kop.getOrDefault("kamer", kop.get("kameraanduiding")));
            String vergaderjaar = Publications.vergaderjaar(kop.getOrDefault("vergaderjaar",
                    Publications.metaValue(meta, "OVERHEIDop.vergaderjaar")));
            Node dossierNode = ks.first("dossiernummer");
            String dossier = null;
            if (dossierNode != null) {
                List<String> parts = new ArrayList<>();
                for (Node nr : dossierNode.find(n -> n.name.equals("dossiernr"))) {
                    parts.add(nr.text());
                }
                dossier = Texts.collapse(String.join(" ", parts.isEmpty() ? List.of(dossierNode.text()) : parts));
            }
            Node stuk = ks.first("stuk");
            if (stuk == null) {
                throw new UnsupportedDocumentException("kamerstuk XML has no <stuk>");
            }
            Node stuknr = stuk.element("stuknr");
            Node ondernummerNode = stuknr == null ? null : stuknr.first("ondernummer");
            String ondernummer = ondernummerNode != null ? ondernummerNode.text()
                    : stuknr == null ? null : stuknr.text().replaceFirst("(?i)^nr\\.?\\s*", "");
            Node titel = stuk.element("titel");
            String title = titel == null ? null : passage(titel).text();

            QaAssembler.Result result = QaAssembler.kamerstuk(flow(stuk));
            String id = Publications.identifier(meta);
            if (id == null) {
                id = OfficialIds.kamerstuk(dossier, ondernummer);
            }
            return Publications.document(id, Publications.genreOfStuk(title), title, kamer, vergaderjaar, dossier,
                    ondernummer, result.parties(), result.questions(), footnoteList(), result.warnings());
        }

        /** The stuk's text as a flow of headings, paragraphs and list items, in document order. */
        private List<FlowBlock> flow(Node stuk) {
            List<FlowBlock> blocks = new ArrayList<>();
            Deque<Node> stack = new ArrayDeque<>();
            pushChildren(stack, stuk);
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (NOT_FLOW.contains(n.name) && n != stuk) {
                    continue;
                }
                switch (n.name) {
                    case "tussenkop", "kop" -> add(blocks, FlowKind.HEADING, null, passage(n));
                    case "al" -> add(blocks, FlowKind.PARAGRAPH, null, passage(n));
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
                        add(blocks, FlowKind.LIST_ITEM, nr == null ? null : nr.text(), passage(copy));
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

        /** Text of an element with its footnotes taken out and listed; whitespace collapsed. */
        private Passage passage(Node node) {
            StringBuilder sb = new StringBuilder();
            List<Integer> notes = new ArrayList<>();
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
                    sb.append(s);
                    lastWasElement = false;
                    continue;
                }
                Node child = (Node) c;
                switch (child.name) {
                    case "noot" -> {
                        Integer n = noteNumber(child);
                        if (n != null && !notes.contains(n)) {
                            notes.add(n);
                        }
                    }
                    case "nootref" -> {
                        Integer n = noteNumberById.get(child.attr("refid"));
                        if (n != null && !notes.contains(n)) {
                            notes.add(n);
                        }
                    }
                    case "br" -> sb.append(' ');
                    default -> {
                        // adjacent elements are separate words (<voorletters>S.</voorletters><achternaam>...)
                        if (lastWasElement) {
                            sb.append(' ');
                        }
                        work.push(child.children);
                        index.push(new int[]{0});
                    }
                }
                lastWasElement = true;
            }
            return new Passage(Texts.withoutColophon(Texts.collapse(sb)), notes, node.line);
        }

        private Integer noteNumber(Node noot) {
            if (noot.attr("type") != null && !noot.attr("type").equals("voet")) {
                return null;
            }
            if (noot.attr("id") != null && noteNumberById.containsKey(noot.attr("id"))) {
                return noteNumberById.get(noot.attr("id"));
            }
            Node nr = noot.element("noot.nr");
            String digits = nr == null ? "" : nr.text().replaceAll("\\D", "");
            return digits.isEmpty() || digits.length() > 6 ? null : Integer.parseInt(digits);
        }

        private List<Footnote> footnoteList() {
            return new ArrayList<>(footnotes.values());
        }

        /** {@code <tekstregel inhoud="vergaderjaar">Vergaderjaar 2023-2024</tekstregel>} by their inhoud. */
        private static Map<String, String> tekstregels(Node kop) {
            Map<String, String> out = new HashMap<>();
            if (kop != null) {
                for (Node regel : kop.find(n -> n.name.equals("tekstregel"))) {
                    if (regel.attr("inhoud") != null) {
                        out.putIfAbsent(regel.attr("inhoud"), regel.text());
                    }
                }
            }
            return out;
        }
    }
}
