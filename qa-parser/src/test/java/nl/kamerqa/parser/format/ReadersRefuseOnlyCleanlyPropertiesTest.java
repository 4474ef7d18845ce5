package nl.kamerqa.parser.format;

import nl.kamerqa.parser.FormatSniffer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import nl.kamerqa.parser.UnsupportedDocumentException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Whatever bytes arrive, the format layer answers or refuses with UnsupportedDocumentException, nothing else. */
class ReadersRefuseOnlyCleanlyPropertiesTest {

    private static final byte[] OLE2_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
            0x1A, (byte) 0xE1};

    @Property(tries = 300)
    void snifferNeverThrows(@ForAll @Size(max = 2048) byte[] bytes) {
        assertThatCode(() -> FormatSniffer.sniff(bytes)).doesNotThrowAnyException();
    }

    @Property(tries = 300)
    void xmlReaderRefusesArbitraryBytesOnlyAsUnsupported(@ForAll @Size(max = 2048) byte[] bytes) {
        assertOnlyUnsupported(() -> XmlDocumentReader.read(bytes));
    }

    @Property(tries = 300)
    void xmlReaderRefusesMangledPublicationsOnlyAsUnsupported(@ForAll("mangledXml") String xml) {
        assertOnlyUnsupported(() -> XmlDocumentReader.read(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 300)
    void htmlReaderRefusesArbitraryBytesOnlyAsUnsupported(@ForAll @Size(max = 2048) byte[] bytes) {
        assertOnlyUnsupported(() -> HtmlDocumentReader.read(bytes));
    }

    @Property(tries = 200)
    void htmlReaderRefusesMangledPagesOnlyAsUnsupported(@ForAll("mangledHtml") String html) {
        assertOnlyUnsupported(() -> HtmlDocumentReader.read(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 300)
    void odtReaderRefusesArbitraryBytesOnlyAsUnsupported(@ForAll @Size(max = 2048) byte[] bytes) {
        assertOnlyUnsupported(() -> OdtTextExtractor.extract(bytes));
    }

    @Property(tries = 200)
    void odtReaderRefusesMangledContentOnlyAsUnsupported(@ForAll("mangledOdtContent") String content) {
        assertOnlyUnsupported(() -> OdtTextExtractor.extract(FormatSamples.zip("mimetype",
                "application/vnd.oasis.opendocument.text", "content.xml", content)));
    }

    @Property(tries = 300)
    void docReaderRefusesArbitraryBytesBehindAnOle2SignatureOnlyAsUnsupported(@ForAll @Size(max = 4096) byte[] bytes) {
        byte[] ole = java.util.Arrays.copyOf(OLE2_SIGNATURE, OLE2_SIGNATURE.length + bytes.length);
        System.arraycopy(bytes, 0, ole, OLE2_SIGNATURE.length, bytes.length);
        assertOnlyUnsupported(() -> DocTextExtractor.extract(ole));
    }

    @Property(tries = 200)
    void docReaderRefusesTruncatedAndMutatedWordFilesOnlyAsUnsupported(@ForAll("mangledDoc") byte[] doc) {
        assertOnlyUnsupported(() -> DocTextExtractor.extract(doc));
    }

    /** The sample .doc cut short, or with a few bytes overwritten (in its header, directory, tables or text). */
    @Provide
    Arbitrary<byte[]> mangledDoc() {
        byte[] valid = FormatSamples.resource("word97-notes-and-lists.doc");
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, valid.length - 1)
                .map(length -> java.util.Arrays.copyOf(valid, length));
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, valid.length - 1).list().ofMinSize(1).ofMaxSize(8)
                .flatMap(places -> Arbitraries.bytes().list().ofSize(places.size()).map(values -> {
                    byte[] copy = valid.clone();
                    for (int i = 0; i < places.size(); i++) {
                        copy[places.get(i)] = values.get(i);
                    }
                    return copy;
                }));
        return Arbitraries.oneOf(truncated, mutated);
    }

    @Provide
    Arbitrary<String> mangledOdtContent() {
        return mangled("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                + "<text:p>Vraag 1</text:p><text:p>Kent u dit<text:note><text:note-citation>1</text:note-citation>"
                + "<text:note-body><text:p>Bron</text:p></text:note-body></text:note>?</text:p>"
                + "<text:list><text:list-item><text:p>Antwoord 1</text:p></text:list-item></text:list>"
                + "</office:text></office:body></office:document-content>");
    }

    @Provide
    Arbitrary<String> mangledXml() {
        return mangled("<officiele-publicatie><kamervragen><vraag><nr>Vraag 1</nr><al>Kent u het bericht"
                + "<noot id=\"n1\" type=\"voet\"><noot.nr>1</noot.nr><noot.al>Bron</noot.al></noot>?</al></vraag>"
                + "<antwoord><nr>Antwoord 1 en 2</nr><al>Ja<nootref refid=\"n1\"/>.</al></antwoord>"
                + "</kamervragen></officiele-publicatie>");
    }

    @Provide
    Arbitrary<String> mangledHtml() {
        return mangled("<html><head><meta name=\"DC.identifier\" content=\"ah-tk-20142015-698\"></head><body>"
                + "<div class=\"vraag\"><h2>Vraag 2 en 3</h2><p>Kent u dit?<sup><a class=\"nootnum\" href=\"#n1\">1</a>"
                + "</sup></p></div><div class=\"antwoord\"><h2>Antwoord 2 en 3</h2><p>Ja.</p></div>"
                + "<div class=\"voet noot\" id=\"n1\"><p><span class=\"nootnum\">1</span> Bron</p></div></body></html>");
    }

    /** The valid document with a random slice cut out and random characters put in. */
    private static Arbitrary<String> mangled(String valid) {
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, valid.length());
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(12).withChars("<>/\"=&;![]-?x1 \u0000é");
        return cut.flatMap(from -> Arbitraries.integers().between(from, valid.length())
                .flatMap(to -> noise.map(n -> valid.substring(0, from) + n + valid.substring(to))));
    }

    private static void assertOnlyUnsupported(Runnable read) {
        Throwable thrown = catchThrowable(read::run);
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(UnsupportedDocumentException.class);
        }
    }
}
