package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small element tree read with the JDK's StAX parser, hardened: no DTD processing, no external entities, so
 * XXE and entity-expansion ("billion laughs") documents are refused instead of expanded; nesting, element count and
 * text size are capped.
 */
final class XmlTree {

    static final int MAX_DEPTH = 256;
    static final int MAX_ELEMENTS = 2_000_000;
    static final long MAX_TEXT = 20_000_000L;

    /** An element: local name, attributes by local name, children (elements and text strings), start line. */
    static final class Node {
        final String name;
        final Map<String, String> attributes;
        final List<Object> children = new ArrayList<>();
        final int line;

        Node(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        String attr(String name) {
            return attributes.get(name);
        }

        List<Node> elements() {
            List<Node> out = new ArrayList<>();
            for (Object c : children) {
                if (c instanceof Node n) {
                    out.add(n);
                }
            }
            return out;
        }

        List<Node> elements(String name) {
            return elements().stream().filter(n -> n.name.equals(name)).toList();
        }

        Node element(String name) {
            for (Object c : children) {
                if (c instanceof Node n && n.name.equals(name)) {
                    return n;
                }
            }
            return null;
        }

        /** Every descendant element (document order) matching the test, without descending into matches. */
        List<Node> find(Predicate<Node> test) {
            List<Node> out = new ArrayList<>();
            Deque<Node> stack = new ArrayDeque<>();
            List<Node> kids = elements();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (test.test(n)) {
                    out.add(n);
                    continue;
                }
                List<Node> grandKids = n.elements();
                for (int i = grandKids.size() - 1; i >= 0; i--) {
                    stack.push(grandKids.get(i));
                }
            }
            return out;
        }

        Node first(String name) {
            List<Node> found = find(n -> n.name.equals(name));
            return found.isEmpty() ? null : found.get(0);
        }

        /** All text below this element, whitespace collapsed. */
        String text() {
            StringBuilder sb = new StringBuilder();
            appendText(this, sb);
            return Texts.collapse(sb);
        }

        private static void appendText(Node node, StringBuilder sb) {
            for (Object c : node.children) {
                if (c instanceof String s) {
                    sb.append(s);
                } else {
                    // elements are words apart in what the publication shows (naam, functie, datum...)
                    sb.append(' ');
                    appendText((Node) c, sb);
                    sb.append(' ');
                }
            }
        }
    }

    private XmlTree() {
    }

    static XMLInputFactory secureFactory() {
        // the JDK's own implementation, whatever else is on the class path, so these settings mean what they say
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** The root element of {@code xml}; {@link UnsupportedDocumentException} when it is not safe, well-formed XML. */
    static Node parse(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = secureFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            Deque<Node> open = new ArrayDeque<>();
            Node root = null;
            int elements = 0;
            long text = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        // an internal subset is where entity bombs and external entities are declared: refuse it
                        String dtd = reader.getText();
                        if (dtd != null && (dtd.contains("<!ENTITY") || dtd.contains("["))) {
                            throw new UnsupportedDocumentException(
                                    "XML declares a DTD with entities: refused (XXE and entity expansion guard)");
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new UnsupportedDocumentException(
                            "XML refers to entity &" + reader.getLocalName() + "; which is not expanded: refused");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS) {
                            throw new UnsupportedDocumentException("XML has more than " + MAX_ELEMENTS + " elements");
                        }
                        if (open.size() >= MAX_DEPTH) {
                            throw new UnsupportedDocumentException("XML nests deeper than " + MAX_DEPTH + " elements");
                        }
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        Node node = new Node(reader.getLocalName(), attributes, reader.getLocation().getLineNumber());
                        if (open.isEmpty()) {
                            root = node;
                        } else {
                            open.peek().children.add(node);
                        }
                        open.push(node);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            String s = reader.getText();
                            text += s.length();
                            if (text > MAX_TEXT) {
                                throw new UnsupportedDocumentException("XML holds more than " + MAX_TEXT + " characters");
                            }
                            open.peek().children.add(s);
                        }
                    }
                    default -> {
                        // comments, processing instructions (<?xpp ...?>) carry no text
                    }
                }
            }
            if (root == null) {
                throw new UnsupportedDocumentException("XML has no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new UnsupportedDocumentException("XML is not well-formed" + (line > 0 ? " at line " + line : "")
                    + ": " + firstLine(e.getMessage()), e);
        } catch (UnsupportedDocumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnsupportedDocumentException("XML could not be read: " + e, e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        int nl = m.lastIndexOf('\n');
        return nl >= 0 ? m.substring(nl + 1).strip() : m;
    }
}
