package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedText;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Text of an OpenDocument text (.odt) in the shape {@link DocxTextExtractor} gives Word: one paragraph a line with a
 * blank line between paragraphs, headings, table cells and text-box paragraphs as paragraphs, list items with their
 * number ("1)  text"), notes cited as "[N]" in order of appearance and appended at the end as "[N] text". Deleted
 * changes, annotations and tables of contents are left out; page headers and footers live in styles.xml and are
 * not read. As typed lines the paragraphs are body lines ({@code text:h} heading lines) and each note's text a
 * footnote line with its number, without pages. List markers come from {@link OdtListNumbering}; the user-defined
 * metadata of meta.xml ({@link OdtMetadata}) is returned beside the text.
 * <p>
 * Zip and entity bomb guards as for Word: {@link ZipGuard} (entries, bytes inflated in all); the XML parts go through
 * {@link XmlTree#secureFactory()} (no DTD, no external entities).
 */
public final class OdtTextExtractor {

    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    // never text: deleted changes, comments, generated indexes repeating the headings
    private static final Set<String> SKIPPED = Set.of("tracked-changes", "annotation", "table-of-content",
            "alphabetical-index", "illustration-index", "table-index", "object-index", "user-index",
            "bibliography", "note-citation", "sequence-decls", "variable-decls", "user-field-decls");

    /** The typed lines and the user-defined metadata (names as written, the part after the last "/" also). */
    public record Result(ExtractedText lines, Map<String, String> metadata) {

        /** The lines as plain text. */
        public String text() {
            return lines.text();
        }
    }

    private OdtTextExtractor() {
    }

    /** The text of {@code odt}; {@link UnsupportedDocumentException} for an unsafe, broken or non-text archive. */
    public static Result extract(byte[] odt) {
        Objects.requireNonNull(odt, "odt");
        Map<String, byte[]> parts = ZipGuard.inflate(odt, Set.of("content.xml", "styles.xml", "meta.xml"),
                "OpenDocument archive");
        byte[] content = parts.get("content.xml");
        if (content == null) {
            throw new UnsupportedDocumentException("OpenDocument archive has no content.xml");
        }
        try {
            Walk walk = new Walk();
            if (parts.containsKey("styles.xml")) {
                walk.read(parts.get("styles.xml"), true);
            }
            walk.read(content, false);
            return new Result(walk.lines(), parts.containsKey("meta.xml") ? OdtMetadata.read(parts.get("meta.xml")) : Map.of());
        } catch (XMLStreamException e) {
            throw new UnsupportedDocumentException("OpenDocument XML is not well-formed: " + e.getMessage(), e);
        } catch (UnsupportedDocumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnsupportedDocumentException("OpenDocument text could not be read: " + e, e);
        }
    }

    /** One pass over styles.xml (list styles only) and content.xml: paragraphs in order, list markers, notes. */
    private static final class Walk {
        private final OdtListNumbering numbering = new OdtListNumbering();
        private final List<String> paragraphs = new ArrayList<>();
        private final Set<Integer> headings = new HashSet<>();
        private final List<String> notes = new ArrayList<>();
        // paragraphs being written, innermost last (a text box's paragraph inside a paragraph)
        private final Deque<StringBuilder> open = new ArrayDeque<>();
        private String pendingMarker;
        private int noteDepth = -1;
        private List<String> noteParagraphs;
        private long chars;

        void read(byte[] xml, boolean stylesOnly) throws XMLStreamException {
            XMLStreamReader r = XmlTree.secureFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            int skipUntil = -1;
            String styleName = null;
            boolean inBody = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new UnsupportedDocumentException("OpenDocument XML declares a DTD: refused");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth > XmlTree.MAX_DEPTH) {
                        throw new UnsupportedDocumentException("OpenDocument XML nests too deeply");
                    }
                    if (skipUntil >= 0) {
                        continue;
                    }
                    String ns = r.getNamespaceURI();
                    String name = r.getLocalName();
                    if (TEXT.equals(ns) && "list-style".equals(name)) {
                        styleName = r.getAttributeValue(STYLE, "name");
                    } else if (TEXT.equals(ns) && styleName != null && name.startsWith("list-level-style-")) {
                        numbering.level(r, styleName, name.endsWith("number"));
                    } else if (OFFICE.equals(ns) && "body".equals(name)) {
                        inBody = true;
                    } else if (inBody && !stylesOnly) {
                        if (TEXT.equals(ns) && SKIPPED.contains(name) || OFFICE.equals(ns) && "annotation".equals(name)) {
                            skipUntil = depth;
                        } else {
                            start(r, ns, name, depth);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipUntil == depth) {
                        skipUntil = -1;
                    } else if (skipUntil < 0 && inBody && !stylesOnly) {
                        end(r.getNamespaceURI(), r.getLocalName(), depth);
                    }
                    if (TEXT.equals(r.getNamespaceURI()) && "list-style".equals(r.getLocalName())) {
                        styleName = null;
                    }
                    depth--;
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && skipUntil < 0 && !open.isEmpty()) {
                    append(r.getText());
                }
            }
            r.close();
        }

        private void start(XMLStreamReader r, String ns, String name, int depth) {
            if (!TEXT.equals(ns)) {
                return; // tables, frames and text boxes: their paragraphs are read where they stand
            }
            switch (name) {
                case "p", "h" -> open.addLast(new StringBuilder());
                case "s" -> append(" ".repeat(Math.min(64, Math.max(1, Texts.parseIntOr(r.getAttributeValue(TEXT, "c"), 1)))));
                case "tab" -> append(" ");
                case "line-break" -> append("\n");
                case "list" -> numbering.startList(r);
                case "list-item" -> pendingMarker = numbering.nextMarker(
                        Texts.parseIntOr(r.getAttributeValue(TEXT, "start-value"), -1));
                case "list-header" -> pendingMarker = null;
                case "note" -> {
                    if (noteDepth < 0) {
                        notes.add(null);
                        append("[" + notes.size() + "]");
                        noteDepth = depth;
                        noteParagraphs = new ArrayList<>();
                    }
                }
                default -> {
                    // spans, links, bookmarks, soft page breaks: their text is read, they add nothing
                }
            }
        }

        private void end(String ns, String name, int depth) {
            if (!TEXT.equals(ns)) {
                return;
            }
            switch (name) {
                case "p", "h" -> {
                    if (open.isEmpty()) {
                        return;
                    }
                    String text = Texts.collapseKeepingNbsp(open.removeLast()).replaceAll(" ?\n ?", "\n");
                    if (text.isEmpty()) {
                        return;
                    }
                    if (noteDepth >= 0) {
                        noteParagraphs.add(text);
                        return;
                    }
                    if (pendingMarker != null) {
                        text = ListMarkers.item(pendingMarker, text);
                        pendingMarker = null;
                    }
                    chars += text.length();
                    if (chars > DocxTextExtractor.MAX_CHARS) {
                        throw new UnsupportedDocumentException("OpenDocument text holds more than "
                                + DocxTextExtractor.MAX_CHARS + " characters");
                    }
                    if (name.equals("h")) {
                        headings.add(paragraphs.size());
                    }
                    paragraphs.add(text);
                }
                case "list" -> numbering.endList();
                case "note" -> {
                    if (noteDepth == depth) {
                        notes.set(notes.size() - 1, String.join(" ", noteParagraphs));
                        noteDepth = -1;
                        noteParagraphs = null;
                    }
                }
                default -> {
                }
            }
        }

        private void append(String s) {
            if (!open.isEmpty()) {
                open.peekLast().append(s);
            }
        }

        ExtractedText lines() {
            FlowingText out = new FlowingText();
            for (int i = 0; i < paragraphs.size(); i++) {
                out.paragraph(paragraphs.get(i), headings.contains(i));
            }
            for (int i = 0; i < notes.size(); i++) {
                out.note(i + 1, notes.get(i) == null ? "" : notes.get(i));
            }
            return out.build();
        }
    }
}
