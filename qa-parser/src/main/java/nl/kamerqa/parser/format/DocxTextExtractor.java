package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedText;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Text of a Word (.docx) document the way {@code pandoc -t plain --wrap=none} gives it, which is what the text
 * parser reads for Word input: one paragraph per line with a blank line between paragraphs, headings as plain
 * paragraphs, table cells' paragraphs as paragraphs, numbered list items with their number ("1)  text"), footnote
 * and endnote references as "[N]" (numbered in order of appearance) and the notes themselves appended at the end as
 * "[N] text". Field codes, deleted text, drawings and headers/footers are left out. Guards against zip bombs: the
 * whole archive through {@link ZipGuard} (entry count, total inflated size, ratio) before POI opens it, per call, so
 * POI's JVM-wide {@code ZipSecureFile} settings, which other POI users share, are left as they are.
 */
public final class DocxTextExtractor {

    public static final long MAX_CHARS = WordPlainText.MAX_CHARS;
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    // inline containers whose runs are part of the text
    private static final Set<String> INLINE_CONTAINERS = Set.of("hyperlink", "smartTag", "customXml", "ins",
            "fldSimple", "sdt", "sdtContent", "moveTo", "dir", "bdo");
    // never text: deleted or moved-away runs, drawings and text boxes, field codes, properties
    private static final Set<String> SKIPPED = Set.of("del", "moveFrom", "drawing", "pict", "AlternateContent",
            "object", "instrText", "delText", "delInstrText", "rPr", "pPr", "sdtPr", "sdtEndPr", "footnoteRef",
            "endnoteRef", "annotationRef", "commentReference");

    private DocxTextExtractor() {
    }

    /** The pandoc-like plain text of {@code docx}; see the class comment. */
    public static String extract(byte[] docx) {
        return extractLines(docx).text();
    }

    /** The typed lines of {@code docx}: body paragraphs, headings (outline level or heading style), notes. */
    public static ExtractedText extractLines(byte[] docx) {
        Objects.requireNonNull(docx, "docx");
        ZipGuard.inflate(docx, Set.of(), "Word document"); // POI keeps every entry in memory: check the total first
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return new Walk(document).lines();
        } catch (UnsupportedDocumentException e) {
            throw e;
        } catch (IOException e) {
            throw new UnsupportedDocumentException("Word document could not be read: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            // POI reports a zip that is no Word document, a missing part or malformed XML as runtime exceptions
            throw new UnsupportedDocumentException("Word document could not be read: " + e, e);
        }
    }

    /** One pass over a document: paragraphs in order, list counters, notes in order of first reference. */
    private static final class Walk {
        private final XWPFDocument document;
        private final WordPlainText out = new WordPlainText();
        private final List<String> body = new ArrayList<>();
        private final Set<Integer> headings = new HashSet<>();
        private final Map<String, Boolean> headingStyles = new HashMap<>();
        private final Map<String, Node> footnotes = new HashMap<>();
        private final Map<String, Node> endnotes = new HashMap<>();
        private final Map<String, ListMarkers.Counters> listCounters = new HashMap<>();

        Walk(XWPFDocument document) {
            this.document = document;
            for (XWPFAbstractFootnoteEndnote note : document.getFootnotes()) {
                footnotes.put(String.valueOf(note.getCTFtnEdn().getId()), note.getCTFtnEdn().getDomNode());
            }
            for (XWPFAbstractFootnoteEndnote note : document.getEndnotes()) {
                endnotes.put(String.valueOf(note.getCTFtnEdn().getId()), note.getCTFtnEdn().getDomNode());
            }
        }

        ExtractedText lines() {
            blocks(document.getDocument().getBody().getDomNode(), body, 0);
            // note keys are "f:id" and "e:id"
            return out.lines(body, headings, key -> {
                Node note = (key.startsWith("f:") ? footnotes : endnotes).get(key.substring(2));
                List<String> noteParagraphs = new ArrayList<>();
                if (note != null) {
                    blocks(note, noteParagraphs, 0);
                }
                return noteParagraphs;
            });
        }

        private void blocks(Node parent, List<String> into, int depth) {
            if (depth > 64) {
                throw new UnsupportedDocumentException("Word document nests tables or content controls too deeply");
            }
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element) || !W.equals(n.getNamespaceURI())) {
                    continue;
                }
                switch (n.getLocalName()) {
                    case "p" -> paragraph(n, into);
                    // convention (pandoc plain, as the team reads Word): a table's cells become paragraphs
                    case "tbl", "tr", "tc", "sdt", "sdtContent", "customXml" -> blocks(n, into, depth + 1);
                    default -> {
                        // sectPr, bookmarks, tblPr and the like hold no text
                    }
                }
            }
        }

        private void paragraph(Node p, List<String> into) {
            StringBuilder sb = new StringBuilder();
            inline(p, sb, 0);
            String text = out.paragraph(sb, () -> listMarker(p));
            if (text == null) {
                return;
            }
            if (into == body && isHeading(p)) {
                headings.add(into.size());
            }
            into.add(text);
        }

        /**
         * convention: Word marks a heading by an outline level below 9 on the paragraph or its style, and names its
         * built-in heading styles "heading 1" to "heading 9" and "Title" in every language (the style id may be
         * localised: "Kop1")
         */
        private boolean isHeading(Node p) {
            Element pPr = child(p, "pPr");
            if (pPr == null) {
                return false;
            }
            if (outlineLevel(pPr)) {
                return true;
            }
            String styleId = attribute(child(pPr, "pStyle"), "val");
            return styleId != null && headingStyles.computeIfAbsent(styleId, this::isHeadingStyle);
        }

        private boolean isHeadingStyle(String styleId) {
            XWPFStyles styles = document.getStyles();
            XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
            if (style == null) {
                return false;
            }
            String name = style.getName() == null ? "" : style.getName().toLowerCase(Locale.ROOT);
            return name.startsWith("heading ") || name.equals("title")
                    || outlineLevel(child(style.getCTStyle().getDomNode(), "pPr"));
        }

        private static boolean outlineLevel(Element pPr) {
            String level = attribute(child(pPr, "outlineLvl"), "val");
            return level != null && parseIntOr(level, 9) < 9;
        }

        private void inline(Node parent, StringBuilder sb, int depth) {
            if (depth > 64) {
                throw new UnsupportedDocumentException("Word document nests inline content too deeply");
            }
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element)) {
                    continue;
                }
                String name = n.getLocalName();
                if (name == null || SKIPPED.contains(name)) {
                    continue;
                }
                boolean word = W.equals(n.getNamespaceURI());
                if (!word) {
                    // math and other namespaces: their text runs still read as text
                    if ("t".equals(name)) {
                        sb.append(textOf(n));
                    } else {
                        inline(n, sb, depth + 1);
                    }
                    continue;
                }
                switch (name) {
                    case "r" -> inline(n, sb, depth + 1);
                    case "t" -> sb.append(textOf(n));
                    case "tab", "ptab" -> sb.append(' ');
                    case "br" -> {
                        String type = ((Element) n).getAttributeNS(W, "type");
                        if (type.isEmpty() || "textWrapping".equals(type)) {
                            sb.append('\n');
                        }
                    }
                    case "cr" -> sb.append('\n');
                    case "noBreakHyphen" -> sb.append('-');
                    case "footnoteReference" -> sb.append(noteReference("f:", (Element) n));
                    case "endnoteReference" -> sb.append(noteReference("e:", (Element) n));
                    default -> {
                        if (INLINE_CONTAINERS.contains(name)) {
                            inline(n, sb, depth + 1);
                        }
                        // softHyphen, sym, lastRenderedPageBreak, bookmarks and the like add nothing
                    }
                }
            }
        }

        private String noteReference(String kind, Element ref) {
            return out.noteReference(kind + ref.getAttributeNS(W, "id"));
        }

        /** "1)", "a.", "-" for a numbered or bulleted paragraph, counting per list; null when not in a list. */
        private String listMarker(Node p) {
            Element numPr = child(child(p, "pPr"), "numPr");
            if (numPr == null) {
                return null;
            }
            String numId = attribute(child(numPr, "numId"), "val");
            String ilvlText = attribute(child(numPr, "ilvl"), "val");
            if (numId == null || "0".equals(numId)) {
                return null;
            }
            int ilvl = parseIntOr(ilvlText, 0);
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
                    int l = parseIntOr(e.getAttributeNS(W, "ilvl"), -1);
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
                        startOverrides.put(parseIntOr(e.getAttributeNS(W, "ilvl"), 0), parseIntOr(start, 1));
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
            return level == null ? 1 : parseIntOr(attribute(child(level, "start"), "val"), 1);
        }

        /** Character data under a node (XmlBeans' DOM has no getTextContent). */
        private static String textOf(Node node) {
            StringBuilder sb = new StringBuilder();
            for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    sb.append(n.getNodeValue());
                }
            }
            return sb.toString();
        }

        private static Element child(Node parent, String localName) {
            if (parent == null) {
                return null;
            }
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && localName.equals(e.getLocalName())) {
                    return e;
                }
            }
            return null;
        }

        private static String attribute(Element e, String localName) {
            if (e == null) {
                return null;
            }
            String value = e.getAttributeNS(W, localName);
            return value.isEmpty() ? null : value;
        }

        private static int parseIntOr(String s, int fallback) {
            try {
                return s == null ? fallback : Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
