package nl.kamerqa.ingest.feed.syncfeed;

import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.SafeXml;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPage.Entity;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPage.Entry;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SyncFeed Atom pages with StAX. The entities in {@code content} use the Tweede Kamer namespace under
 * varying prefixes ({@code tk:}, {@code ns1:} or the default namespace), and some write their attributes without
 * one; elements and attributes are therefore matched by local name, the namespace preferred where both occur.
 */
public final class SyncFeedParser {

    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String TK = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    private SyncFeedParser() {
    }

    public static SyncFeedPage parse(byte[] xml) throws FeedException {
        try {
            XMLStreamReader r = SafeXml.reader(xml);
            try {
                while (r.hasNext() && r.next() != XMLStreamReader.START_ELEMENT) {
                    // to the root
                }
                if (!r.isStartElement() || !"feed".equals(r.getLocalName())) {
                    throw new FeedException("not a SyncFeed page: the root is <"
                            + (r.isStartElement() ? r.getLocalName() : "nothing") + ">, not an Atom <feed>");
                }
                return feed(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FeedException("malformed SyncFeed page: " + e.getMessage(), e);
        }
    }

    /** One entity document on its own, as {@code Entiteiten/<id>} answers (possibly wrapped in an entry). */
    public static Entity parseEntity(byte[] xml) throws FeedException {
        try {
            XMLStreamReader r = SafeXml.reader(xml);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT && !ATOM.equals(r.getNamespaceURI())) {
                        return entity(r);
                    }
                }
                throw new FeedException("no entity in the answer");
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FeedException("malformed entity: " + e.getMessage(), e);
        }
    }

    private static SyncFeedPage feed(XMLStreamReader r) throws XMLStreamException {
        List<Entry> entries = new ArrayList<>();
        String next = null;
        String resume = null;
        while (r.nextTag() == XMLStreamReader.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "link" -> {
                    String rel = r.getAttributeValue(null, "rel");
                    if ("next".equals(rel)) {
                        next = r.getAttributeValue(null, "href");
                    } else if ("resume".equals(rel)) {
                        resume = r.getAttributeValue(null, "href");
                    }
                    SafeXml.skip(r);
                }
                case "entry" -> entries.add(entry(r));
                default -> SafeXml.skip(r);
            }
        }
        return new SyncFeedPage(entries, next, resume);
    }

    private static Entry entry(XMLStreamReader r) throws XMLStreamException {
        String title = null;
        String updated = null;
        String next = null;
        String enclosure = null;
        Entity entity = null;
        while (r.nextTag() == XMLStreamReader.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "title" -> title = SafeXml.text(r);
                case "updated" -> updated = SafeXml.text(r);
                case "link" -> {
                    String rel = r.getAttributeValue(null, "rel");
                    if ("next".equals(rel)) {
                        next = r.getAttributeValue(null, "href");
                    } else if ("enclosure".equals(rel)) {
                        enclosure = r.getAttributeValue(null, "href");
                    }
                    SafeXml.skip(r);
                }
                case "content" -> entity = content(r);
                default -> SafeXml.skip(r);
            }
        }
        return new Entry(title, updated, next, enclosure, entity);
    }

    private static Entity content(XMLStreamReader r) throws XMLStreamException {
        Entity entity = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                if (entity == null) {
                    entity = entity(r);
                } else {
                    SafeXml.skip(r);
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                return entity; // </content>
            }
        }
        return entity;
    }

    /** The entity whose start tag the reader is on; reads to its end. */
    private static Entity entity(XMLStreamReader r) throws XMLStreamException {
        String type = r.getLocalName();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String name = r.getAttributeLocalName(i);
            // the TK-namespaced attribute wins over an unqualified one of the same name
            if (TK.equals(r.getAttributeNamespace(i)) || !attributes.containsKey(name)) {
                attributes.put(name, r.getAttributeValue(i));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<String>> refs = new LinkedHashMap<>();
        while (r.nextTag() == XMLStreamReader.START_ELEMENT) {
            String name = r.getLocalName();
            String ref = r.getAttributeValue(null, "ref");
            if (ref != null) {
                refs.computeIfAbsent(name, n -> new ArrayList<>()).add(ref);
            }
            boolean nil = SafeXml.isNil(r);
            String text = SafeXml.text(r);
            if (!nil && !text.isEmpty()) {
                fields.putIfAbsent(name, text);
            }
        }
        return new Entity(type, attributes, fields, refs);
    }
}
