package nl.kamerqa.ingest.feed.syncfeed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every entity the SyncFeed fixtures serve validates against the portal's official XML Schemas
 * ({@code src/test/resources/xsd/tkData}, copied unchanged): a fixture that does not fails the build. The
 * deviations seen in real data live apart, under {@code syncfeed/deviations/}, and are shown here for what they are.
 */
class SyncFeedFixturesMatchTheOfficialSchemasTest {

    private static final String ATOM = SyncFeedParser.ATOM;
    private static final Path FIXTURES = resource("/feeds/__files/syncfeed");
    private static final Path DEVIATIONS = FIXTURES.resolve("deviations");
    // what the SyncFeed answers on a 500: no entity
    private static final Set<String> NOT_ENTITIES = Set.of("error-500.xml");
    // one schema per entity kind: a SchemaFactory reads only the first of two sources with the same namespace
    private static final Map<String, Schema> SCHEMAS = Map.of(
            "document", schema("tkData-v1-0-document.xsd"),
            "kamerstukdossier", schema("tkData-v1-0-kamerstukdossier.xsd"));

    /** One entity payload: the element inside an Atom entry's content, or an entity answered on its own. */
    record Payload(String where, Element entity) {
        @Override
        public String toString() {
            return where;
        }
    }

    static Stream<Payload> servedEntities() throws IOException {
        List<Payload> payloads = new ArrayList<>();
        for (Path file : servedFiles()) {
            payloads.addAll(payloads(file));
        }
        return payloads.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servedEntities")
    void servedEntityValidatesAgainstTheOfficialSchema(Payload payload) throws Exception {
        validate(payload);
    }

    @Test
    void everyServedFixtureIsCheckedSoNoEntityEscapesTheSchema() throws IOException {
        Map<String, Integer> entitiesPerFile = new TreeMap<>();
        for (Path file : servedFiles()) {
            entitiesPerFile.put(FIXTURES.relativize(file).toString(), payloads(file).size());
        }

        assertThat(entitiesPerFile).containsExactlyInAnyOrderEntriesOf(Map.of(
                "feed-start.xml", 4,
                "feed-27843577.xml", 4,
                "feed-27845310.xml", 0, // caught up: only a resume link
                "entiteiten/b1c2d3e4-0001-4f00-8a00-36600000007a.xml", 1,
                "entiteiten/b1c2d3e4-0002-4f00-8a00-3660000016aa.xml", 1));
    }

    @Test
    void verwijderdWithACapitalIsNoBooleanOfTheSchema() {
        List<Payload> deleted = payloads(DEVIATIONS.resolve("verwijderd-True.xml"));

        assertThat(deleted).hasSize(1);
        assertThatThrownBy(() -> validate(deleted.get(0))).isInstanceOf(SAXException.class)
                .hasMessageContaining("'True'").hasMessageContaining("boolean");
    }

    @Test
    void bijgewerktWithoutAnOffsetIsStillAValidDateTime() throws Exception {
        List<Payload> entities = payloads(DEVIATIONS.resolve("bijgewerkt-without-offset.xml"));

        assertThat(entities).hasSize(1);
        assertThat(entities.get(0).entity().getAttributeNS(SyncFeedParser.TK, "bijgewerkt"))
                .isEqualTo("2026-11-04T09:12:44.5370000");
        validate(entities.get(0));
    }

    @Test
    void theHandWrittenFormsTheFixturesUsedToHaveFailTheSchema() {
        Element document = payloads(FIXTURES.resolve("feed-start.xml")).get(1).entity();
        Element relationAfterTheFields = (Element) document.cloneNode(true);
        relationAfterTheFields.appendChild(relationAfterTheFields.getElementsByTagNameNS(SyncFeedParser.TK,
                "kamerstukdossier").item(0));
        Element nilVolgnummer = (Element) document.cloneNode(true);
        Element volgnummer = (Element) nilVolgnummer.getElementsByTagNameNS(SyncFeedParser.TK, "volgnummer").item(0);
        volgnummer.setTextContent("");
        volgnummer.setAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "xsi:nil", "true");

        assertThatThrownBy(() -> validate(new Payload("relation last", relationAfterTheFields)))
                .isInstanceOf(SAXException.class).hasMessageContaining("kamerstukdossier");
        assertThatThrownBy(() -> validate(new Payload("nil volgnummer", nilVolgnummer)))
                .isInstanceOf(SAXException.class).hasMessageContaining("nillable");
    }

    private static void validate(Payload payload) throws SAXException, IOException {
        Schema schema = SCHEMAS.get(payload.entity().getLocalName());
        assertThat(schema).as("an official schema for <%s> in src/test/resources/xsd", payload.entity().getLocalName())
                .isNotNull();
        schema.newValidator().validate(new DOMSource(payload.entity()));
    }

    /** The XML files a WireMock run serves, without the deviations and the error page. */
    private static List<Path> servedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(f -> f.toString().endsWith(".xml") && !f.startsWith(DEVIATIONS)
                    && !NOT_ENTITIES.contains(f.getFileName().toString())).sorted().toList();
        }
    }

    private static List<Payload> payloads(Path file) {
        Element root = parse(file).getDocumentElement();
        String name = FIXTURES.relativize(file).toString();
        if (!(ATOM.equals(root.getNamespaceURI()) && "feed".equals(root.getLocalName()))) {
            return List.of(new Payload(name, root));
        }
        List<Payload> payloads = new ArrayList<>();
        for (Element entry : children(root, "entry")) {
            for (Element content : children(entry, "content")) {
                Element entity = firstElement(content);
                if (entity != null) {
                    payloads.add(new Payload(name + " entry " + (payloads.size() + 1) + " ("
                            + entity.getLocalName() + " " + entity.getAttribute("id") + ")", entity));
                }
            }
        }
        return payloads;
    }

    private static List<Element> children(Element parent, String atomName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && atomName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read fixture " + file + ": " + e.getMessage(), e);
        }
    }

    private static Schema schema(String file) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            return factory.newSchema(new StreamSource(resource("/xsd/tkData").resolve(file).toFile()));
        } catch (SAXException e) {
            throw new IllegalStateException("the official schemas do not load: " + e.getMessage(), e);
        }
    }

    private static Path resource(String path) {
        try {
            return Path.of(SyncFeedFixturesMatchTheOfficialSchemasTest.class.getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
