package nl.kamerqa.parser.format;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading WordprocessingML ({@code w:}) elements of POI's DOM, for the .docx extractor and its helpers. */
final class DocxXml {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DocxXml() {
    }

    /** The first child element named {@code localName}, null when none (or when {@code parent} is null). */
    static Element child(Node parent, String localName) {
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

    /** The {@code w:} attribute {@code localName}, null when absent or empty (or when {@code e} is null). */
    static String attribute(Element e, String localName) {
        if (e == null) {
            return null;
        }
        String value = e.getAttributeNS(W, localName);
        return value.isEmpty() ? null : value;
    }

    /** Character data under a node (XmlBeans' DOM has no getTextContent). */
    static String textOf(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
    }
}
