package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.OfficialIds;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.format.PublicationRecord.KamerstukParts;
import nl.kamerqa.parser.format.PublicationRecord.KamervragenParts;
import nl.kamerqa.parser.format.XmlTree.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * Line numbers are the XML's own. Parsing is hardened against XXE and entity expansion ({@link XmlTree}). This class
 * reads the metadata; {@link XmlBlocks} the text's structure, {@link XmlPassages} its paragraphs and footnotes, and
 * {@link PublicationRecord} makes the record of them by the rules the HTML reader shares.
 */
public final class XmlDocumentReader {

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
        private final XmlPassages passages;
        private final XmlBlocks blocks;

        Mapping(Node root) {
            this.root = root;
            for (Node m : root.find(n -> n.name.equals("meta"))) {
                if (m.attr("name") != null && m.attr("content") != null) {
                    meta.putIfAbsent(m.attr("name"), m.attr("content"));
                }
            }
            this.passages = new XmlPassages(root);
            this.blocks = new XmlBlocks(passages);
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
                    List.of(), List.of(), passages.notes().list(),
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
            for (Node o : kv.elements("kamervraagomschrijving")) {
                String type = o.attr("type");
                if (askedBy == null && (type == null || type.equals("vraag"))) {
                    askedBy = o;
                } else if (answeredBy == null && type != null && !type.equals("vraag")) {
                    answeredBy = o;
                }
            }
            List<Node> opmerkingen = kv.elements("kamervraagopmerking");
            Node mededeling = opmerkingen.isEmpty() ? null : opmerkingen.get(opmerkingen.size() - 1);
            String id = Publications.identifier(meta);
            if (id == null) {
                id = OfficialIds.aanhangsel(kamer, vergaderjaar, number);
            }
            return PublicationRecord.kamervragen(new KamervragenParts(id, kamer, vergaderjaar, text(askedBy),
                    blocks.questionsAndAnswers(kv), text(mededeling), text(answeredBy),
                    number == null ? null : number.strip(), isoDate(askedBy), isoDate(answeredBy)), passages.notes());
        }

        /** The passage text of an element, null when there is none. */
        private String text(Node node) {
            return node == null ? null : passages.of(node).text();
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
            return PublicationRecord.kamerstuk(new KamerstukParts(Publications.identifier(meta), kamer, vergaderjaar,
                    dossier, ondernummer, text(stuk.element("titel")), blocks.flow(stuk)), passages.notes());
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
