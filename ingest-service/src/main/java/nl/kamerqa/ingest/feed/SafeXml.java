package nl.kamerqa.ingest.feed;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;

/**
 * StAX readers for what the feeds send: namespace-aware, and with DTDs and external entities switched off, so
 * a page cannot make the service read local files or other URLs (XXE) or expand entity bombs.
 */
public final class SafeXml {

    public static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation, whatever else is on the classpath
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    public static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** True when the element carries {@code xsi:nil="true"}. */
    public static boolean isNil(XMLStreamReader r) {
        return "true".equalsIgnoreCase(r.getAttributeValue(XSI, "nil"));
    }

    /** Text content of the current element (reads to its end); nested elements' text is included. */
    public static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamReader.START_ELEMENT -> depth++;
                case XMLStreamReader.END_ELEMENT -> depth--;
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE ->
                        text.append(r.getText());
                default -> {
                }
            }
        }
        return text.toString().strip();
    }

    /** Skips the current element with everything in it. */
    public static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** An attribute by local name in any namespace (or none), preferring the given namespace. */
    public static String attribute(XMLStreamReader r, String preferredNamespace, String localName) {
        String preferred = r.getAttributeValue(preferredNamespace, localName);
        if (preferred != null) {
            return preferred;
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }
}
