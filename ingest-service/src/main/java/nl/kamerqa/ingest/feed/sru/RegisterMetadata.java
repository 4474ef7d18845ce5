package nl.kamerqa.ingest.feed.sru;

import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.SafeXml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The register's metadata of a publication, from any of the three forms repository.overheid.nl gives it in, which
 * hold the same fields under other names: the {@code metadata} manifestation ({@code <metadata_gegevens>} of
 * {@code <metadata name="OVERHEIDop.vraagnummer" content="..."/>}), the {@code metadataowms} manifestation
 * ({@code <owms-metadata>} with {@code overheidop:vraagnummer} elements) and the SRU record's
 * {@code overheidwetgeving:meta}.
 */
public final class RegisterMetadata {

    private static final String KIND = "kind";
    private static final String PARLEMENTAIR = "parlementair";

    private RegisterMetadata() {
    }

    /** From an SRU record; null when it has no identifier. */
    public static OfficialMetadata of(SruRecord record) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        record.meta().forEach((name, values) -> fields.put(key(name), values));
        // the record keeps the AanhangselTypen / KamerstukTypen value as its subrubriek
        fields.put(KIND, record.all("subrubriek"));
        fields.put(PARLEMENTAIR, record.all("type"));
        return metadata(fields);
    }

    /** From a {@code metadata.xml} or {@code metadata_owms.xml} manifestation; null when it names no identifier. */
    public static OfficialMetadata read(byte[] xml) throws FeedException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try {
            XMLStreamReader r = SafeXml.reader(xml);
            try {
                String leaf = null;
                String scheme = null;
                StringBuilder text = new StringBuilder();
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamReader.START_ELEMENT) {
                        scheme = r.getAttributeValue(null, "scheme");
                        String name = r.getAttributeValue(null, "name");
                        if ("metadata".equals(r.getLocalName()) && name != null) {
                            put(fields, name, scheme, r.getAttributeValue(null, "content"));
                            leaf = null;
                        } else {
                            leaf = r.getLocalName();
                            text.setLength(0);
                        }
                    } else if (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) {
                        text.append(r.getText());
                    } else if (event == XMLStreamReader.END_ELEMENT && leaf != null) {
                        put(fields, leaf, scheme, text.toString());
                        leaf = null;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FeedException("malformed register metadata: " + e.getMessage(), e);
        }
        return metadata(fields);
    }

    private static void put(Map<String, List<String>> fields, String name, String scheme, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String key = key(name);
        // convention: DC.type is typed by its scheme: OVERHEIDop.AanhangselTypen / KamerstukTypen give the kind
        // ("Antwoord", "Motie"), OVERHEIDop.Parlementair the publication ("Kamerstuk")
        if ("type".equals(key) && scheme != null) {
            key = scheme.endsWith("Typen") ? KIND : scheme.endsWith("Parlementair") ? PARLEMENTAIR : key;
        }
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value.strip());
    }

    /** "OVERHEIDop.aanhangselNummer", "overheidop:aanhangselNummer", "aanhangselnummer" -> "aanhangselnummer". */
    private static String key(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static OfficialMetadata metadata(Map<String, List<String>> f) {
        String identifier = first(f, "identifier");
        if (identifier == null) {
            return null;
        }
        String publicationName = first(f, "publicationname", "publicatienaam", PARLEMENTAIR);
        return new OfficialMetadata(identifier, publicationName, first(f, KIND), first(f, "title"),
                first(f, "vergaderjaar"), joined(f, "dossiernummer"), first(f, "ondernummer"),
                first(f, "aanhangselnummer"), first(f, "vraagnummer"), f.getOrDefault("indiener", List.of()),
                f.getOrDefault("ontvanger", List.of()), first(f, "datumindiening"), first(f, "datumontvangst"),
                first(f, "issued"));
    }

    private static String first(Map<String, List<String>> f, String... keys) {
        for (String key : keys) {
            List<String> values = f.get(key);
            if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
                return values.get(0).strip();
            }
        }
        return null;
    }

    private static String joined(Map<String, List<String>> f, String key) {
        List<String> values = f.get(key);
        return values == null || values.isEmpty() ? null : String.join("; ", values);
    }
}
