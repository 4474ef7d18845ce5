package nl.kamerqa.parser.format;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import static nl.kamerqa.parser.format.DocxXml.W;
import static nl.kamerqa.parser.format.DocxXml.attribute;
import static nl.kamerqa.parser.format.DocxXml.child;

/**
 * The list markers of a .docx document's paragraphs, as Word prints them: a paragraph's {@code w:numPr} names a list
 * ({@code w:num}, with its start overrides) and a level of its abstract list (number format, level text, start);
 * every list counts its own items. One instance per document, asked paragraph by paragraph in document order.
 */
final class DocxNumbering {

    private final XWPFDocument document;
    private final Map<String, ListMarkers.Counters> listCounters = new HashMap<>();

    DocxNumbering(XWPFDocument document) {
        this.document = document;
    }

    /** "1)", "a.", "-" for a numbered or bulleted paragraph, counting per list; null when not in a list. */
    String marker(Node p) {
        Element numPr = child(child(p, "pPr"), "numPr");
        if (numPr == null) {
            return null;
        }
        String numId = attribute(child(numPr, "numId"), "val");
        String ilvlText = attribute(child(numPr, "ilvl"), "val");
        if (numId == null || "0".equals(numId)) {
            return null;
        }
        int ilvl = Texts.parseIntOr(ilvlText, 0);
        if (ilvl < 0 || ilvl > 8) {
            return null;
        }
        XWPFNumbering numbering = document.getNumbering();
        if (numbering == null) {
            return null;
        }
        XWPFNum num = numbering.getNum(new BigInteger(numId.matches("\\d{1,9}") ? numId : "0"));
        if (num == null) {
            return null;
        }
        Node numNode = num.getCTNum().getDomNode();
        String abstractId = attribute(child(numNode, "abstractNumId"), "val");
        XWPFAbstractNum abstractNum = abstractId == null || !abstractId.matches("\\d{1,9}") ? null
                : numbering.getAbstractNum(new BigInteger(abstractId));
        if (abstractNum == null) {
            return null;
        }
        Element[] levels = new Element[9];
        for (Node n = abstractNum.getCTAbstractNum().getDomNode().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "lvl".equals(e.getLocalName())) {
                int l = Texts.parseIntOr(e.getAttributeNS(W, "ilvl"), -1);
                if (l >= 0 && l < 9) {
                    levels[l] = e;
                }
            }
        }
        Map<Integer, Integer> startOverrides = new HashMap<>();
        for (Node n = numNode.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "lvlOverride".equals(e.getLocalName())) {
                String start = attribute(child(e, "startOverride"), "val");
                if (start != null) {
                    startOverrides.put(Texts.parseIntOr(e.getAttributeNS(W, "ilvl"), 0), Texts.parseIntOr(start, 1));
                }
            }
        }
        ListMarkers.Counters counters = listCounters.computeIfAbsent(numId,
                k -> new ListMarkers.Counters(l -> startOverrides.getOrDefault(l, start(levels[l]))));
        counters.count(ilvl);
        Element level = levels[ilvl];
        String format = level == null ? "decimal" : attribute(child(level, "numFmt"), "val");
        String pattern = level == null ? "%" + (ilvl + 1) + "." : attribute(child(level, "lvlText"), "val");
        if ("bullet".equals(format)) {
            return "-";
        }
        if ("none".equals(format) || pattern == null || pattern.isEmpty()) {
            return null;
        }
        return ListMarkers.marker(pattern, counters,
                l -> levels[l] == null ? "decimal" : attribute(child(levels[l], "numFmt"), "val"));
    }

    private static int start(Element level) {
        return level == null ? 1 : Texts.parseIntOr(attribute(child(level, "start"), "val"), 1);
    }
}
