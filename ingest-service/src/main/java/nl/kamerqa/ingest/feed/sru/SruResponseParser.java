package nl.kamerqa.ingest.feed.sru;

import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.SafeXml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SRU 2.0 searchRetrieve answers of the officielebekendmakingen repository with StAX. A query the server
 * cannot run is answered with HTTP 200, {@code diagnostics} and no {@code numberOfRecords}: that is an error,
 * never "no results".
 */
public final class SruResponseParser {

    private SruResponseParser() {
    }

    public static SruResponse parse(byte[] xml) throws FeedException {
        return read(xml, "searchRetrieveResponse", SruResponseParser::response);
    }

    /** A bare {@code sru:record} (one record cut from an answer, as repository.overheid.nl's tests keep them). */
    public static SruRecord parseRecord(byte[] xml) throws FeedException {
        return read(xml, "record", SruResponseParser::record);
    }

    private interface Reader<T> {
        T read(XMLStreamReader r) throws XMLStreamException, FeedException;
    }

    private static <T> T read(byte[] xml, String root, Reader<T> reader) throws FeedException {
        try {
            XMLStreamReader r = SafeXml.reader(xml);
            try {
                while (r.hasNext() && r.next() != XMLStreamReader.START_ELEMENT) {
                    // to the root
                }
                if (!r.isStartElement() || !root.equals(r.getLocalName())) {
                    throw new FeedException("not an SRU " + root + ": the root is <"
                            + (r.isStartElement() ? r.getLocalName() : "nothing") + ">");
                }
                return reader.read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FeedException("malformed SRU answer: " + e.getMessage(), e);
        }
    }

    private static SruResponse response(XMLStreamReader r) throws XMLStreamException, FeedException {
        Integer numberOfRecords = null;
        Integer nextRecordPosition = null;
        String precision = null;
        List<SruRecord> records = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        while (r.nextTag() == XMLStreamReader.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "numberOfRecords" -> numberOfRecords = integer(SafeXml.text(r), "numberOfRecords");
                case "nextRecordPosition" -> nextRecordPosition = integer(SafeXml.text(r), "nextRecordPosition");
                // info:srw/vocabulary/resultCountPrecision/1/estimate -> estimate
                case "resultCountPrecision" -> {
                    String uri = SafeXml.text(r).strip();
                    precision = uri.isEmpty() ? null : uri.substring(uri.lastIndexOf('/') + 1);
                }
                case "records" -> {
                    while (r.nextTag() == XMLStreamReader.START_ELEMENT) {
                        if ("record".equals(r.getLocalName())) {
                            records.add(record(r));
                        } else {
                            SafeXml.skip(r);
                        }
                    }
                }
                case "diagnostics" -> {
                    while (r.nextTag() == XMLStreamReader.START_ELEMENT) {
                        diagnostics.add(diagnostic(r));
                    }
                }
                default -> SafeXml.skip(r);
            }
        }
        if (!diagnostics.isEmpty()) {
            throw new FeedException("SRU diagnostic: " + String.join("; ", diagnostics));
        }
        if (numberOfRecords == null) {
            throw new FeedException("SRU answer without numberOfRecords");
        }
        return new SruResponse(numberOfRecords, records, nextRecordPosition, precision);
    }

    private static String diagnostic(XMLStreamReader r) throws XMLStreamException {
        String uri = null;
        String message = null;
        String details = null;
        while (r.nextTag() == XMLStreamReader.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "uri" -> uri = SafeXml.text(r);
                case "message" -> message = SafeXml.text(r);
                case "details" -> details = SafeXml.text(r);
                default -> SafeXml.skip(r);
            }
        }
        return (message == null ? "(no message)" : message) + (details == null ? "" : " [" + details + "]")
                + (uri == null ? "" : " (" + uri + ")");
    }

    /** A record; reads to its end. Metadata leaves are collected by local name, wherever they sit in meta. */
    private static SruRecord record(XMLStreamReader r) throws XMLStreamException {
        Map<String, List<String>> meta = new LinkedHashMap<>();
        Map<String, String> itemUrls = new LinkedHashMap<>();
        String preferredUrl = null;
        Integer position = null;
        boolean inMeta = false;
        boolean inEnriched = false;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
                String name = r.getLocalName();
                if ("meta".equals(name) || "originalData".equals(name)) {
                    inMeta = false;
                } else if ("enrichedData".equals(name)) {
                    inEnriched = false;
                }
                continue;
            }
            if (event != XMLStreamReader.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = r.getLocalName();
            if ("originalData".equals(name) || "meta".equals(name)) {
                inMeta = true;
            } else if ("enrichedData".equals(name)) {
                inEnriched = true;
            } else if (inEnriched && "itemUrl".equals(name)) {
                String manifestation = r.getAttributeValue(null, "manifestation");
                String url = SafeXml.text(r);
                depth--;
                if (manifestation != null && !url.isEmpty()) {
                    itemUrls.putIfAbsent(manifestation.strip().toLowerCase(java.util.Locale.ROOT), url);
                }
            } else if (inEnriched && "preferredUrl".equals(name)) {
                preferredUrl = SafeXml.text(r);
                depth--;
            } else if (!inMeta && !inEnriched && "recordPosition".equals(name)) {
                position = integer(SafeXml.text(r), "recordPosition");
                depth--;
            } else if (inMeta && !container(name)) {
                String text = SafeXml.text(r);
                depth--;
                if (!text.isEmpty()) {
                    meta.computeIfAbsent(name, n -> new ArrayList<>()).add(text);
                }
            }
        }
        return new SruRecord(meta, itemUrls, preferredUrl, position);
    }

    // grouping elements inside meta; everything else there is a leaf worth keeping
    private static boolean container(String name) {
        return switch (name) {
            case "owmskern", "owmsmantel", "tpmeta", "gebiedsmarkering", "Gemeente", "Provincie", "Waterschap" -> true;
            default -> false;
        };
    }

    private static int integer(String text, String what) throws XMLStreamException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new XMLStreamException(what + " is not a number: '" + text + "'");
        }
    }
}
