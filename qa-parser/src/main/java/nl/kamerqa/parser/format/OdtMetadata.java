package nl.kamerqa.parser.format;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user-defined metadata of an OpenDocument's meta.xml ({@code meta:user-defined}), where officielebekendmakingen
 * writes DC.identifier, DC.creator, OVERHEIDop.vergaderjaar: by name as written and by the part after its last "/".
 */
final class OdtMetadata {

    private static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

    private OdtMetadata() {
    }

    /** The values by name; what was read before a fault when meta.xml is broken (metadata never refuses a text). */
    static Map<String, String> read(byte[] meta) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            XMLStreamReader r = XmlTree.secureFactory().createXMLStreamReader(new ByteArrayInputStream(meta));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && META.equals(r.getNamespaceURI())
                        && "user-defined".equals(r.getLocalName())) {
                    String name = r.getAttributeValue(META, "name");
                    String value = Texts.collapse(r.getElementText());
                    if (name != null && !value.isEmpty()) {
                        out.putIfAbsent(name, value);
                        // "OVERHEIDop.ParlID/DC.identifier": the part after the slash is the name HTML pages use
                        out.putIfAbsent(name.substring(name.lastIndexOf('/') + 1), value);
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            // metadata is a help, never a reason to refuse the text
            return out;
        }
        return out;
    }
}
