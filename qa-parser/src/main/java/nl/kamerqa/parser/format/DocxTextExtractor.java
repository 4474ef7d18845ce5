package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedText;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static nl.kamerqa.parser.format.DocxXml.W;
import static nl.kamerqa.parser.format.DocxXml.textOf;

/**
 * Text of a Word (.docx) document the way {@code pandoc -t plain --wrap=none} gives it, which is what the text
 * parser reads for Word input: one paragraph per line with a blank line between paragraphs, headings as plain
 * paragraphs, table cells' paragraphs as paragraphs, numbered list items with their number ("1)  text"), footnote
 * and endnote references as "[N]" (numbered in order of appearance) and the notes themselves appended at the end as
 * "[N] text". Field codes, deleted text, drawings and headers/footers are left out. Guards against zip bombs: the
 * whole archive through {@link ZipGuard} (entry count, total inflated size, ratio) before POI opens it, per call, so
 * POI's JVM-wide {@code ZipSecureFile} settings, which other POI users share, are left as they are. List markers
 * come from {@link DocxNumbering}, headings from {@link DocxHeadings}.
 */
public final class DocxTextExtractor {

    public static final long MAX_CHARS = WordPlainText.MAX_CHARS;
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
        private final DocxNumbering numbering;
        private final DocxHeadings headingStyles;
        private final List<String> body = new ArrayList<>();
        private final Set<Integer> headings = new HashSet<>();
        private final Map<String, Node> footnotes = new HashMap<>();
        private final Map<String, Node> endnotes = new HashMap<>();

        Walk(XWPFDocument document) {
            this.document = document;
            this.numbering = new DocxNumbering(document);
            this.headingStyles = new DocxHeadings(document);
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
            String text = out.paragraph(sb, () -> numbering.marker(p));
            if (text == null) {
                return;
            }
            if (into == body && headingStyles.isHeading(p)) {
                headings.add(into.size());
            }
            into.add(text);
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
    }
}
