package nl.kamerqa.parser.format;

import nl.kamerqa.parser.FormatSniffer;
import nl.kamerqa.parser.DocumentFormat;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedLine;
import nl.kamerqa.parser.extracted.LineRole;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OdtTextExtractorTest {

    private static final String NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
            + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            + "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";

    @Test
    void officialOdtIsSniffedAndReadAsParagraphsWithItsIdentifier() throws IOException {
        byte[] odt = official("ah-tk-20202021-3235.odt");

        OdtTextExtractor.Result result = OdtTextExtractor.extract(odt);

        assertThat(FormatSniffer.sniff(odt)).isEqualTo(DocumentFormat.ODT);
        assertThat(result.text()).contains("\n\nVraag 1\n\nKlopt het dat de Tijdelijke overbruggingsregeling")
                .contains("Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66)");
        assertThat(result.metadata()).containsEntry("DC.identifier", "ah-tk-20202021-3235")
                .containsEntry("OVERHEIDop.vergaderjaar", "2020-2021");
    }

    @Test
    void numberedListItemsKeepTheirNumberAndNotesAreCitedAndAppended() {
        String content = "<office:document-content " + NS + "><office:automatic-styles>"
                + "<text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\" "
                + "style:num-format=\"1\" style:num-suffix=\")\"/></text:list-style></office:automatic-styles>"
                + "<office:body><office:text>"
                + "<text:p>Het besluit<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                + "<text:note-body><text:p>Stcrt. 2024, 12.</text:p></text:note-body></text:note> geldt.</text:p>"
                + "<text:list text:style-name=\"L1\"><text:list-item><text:p>Eerst</text:p></text:list-item>"
                + "<text:list-item><text:p>Dan<text:s text:c=\"3\"/>verder</text:p></text:list-item></text:list>"
                + "<table:table><table:table-row><table:table-cell><text:p>Cel</text:p></table:table-cell>"
                + "</table:table-row></table:table>"
                + "<text:tracked-changes><text:changed-region><text:deletion><text:p>weg</text:p></text:deletion>"
                + "</text:changed-region></text:tracked-changes>"
                + "</office:text></office:body></office:document-content>";

        String text = OdtTextExtractor.extract(odt(content, 1)).text();

        assertThat(text).isEqualTo("Het besluit[1] geldt.\n\n1)  Eerst\n\n2)  Dan verder\n\nCel\n\n[1] Stcrt. 2024, 12.\n");
    }

    @Test
    void headingsAndNotesAreTypedLinesWithoutPages() {
        String content = "<office:document-content " + NS + "><office:body><office:text>"
                + "<text:h text:outline-level=\"1\">Nr. 143 MOTIE</text:h>"
                + "<text:p>Het besluit<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                + "<text:note-body><text:p>Stcrt. 2024, 12.</text:p></text:note-body></text:note> geldt.</text:p>"
                + "<text:p>[1] Zo typte de indiener het.</text:p>"
                + "</office:text></office:body></office:document-content>";

        List<ExtractedLine> lines = OdtTextExtractor.extract(odt(content, 1)).lines().lines();

        assertThat(lines).containsExactly(new ExtractedLine("Nr. 143 MOTIE", 0, LineRole.HEADING, 0),
                ExtractedLine.blank(0), ExtractedLine.body("Het besluit[1] geldt.", 0), ExtractedLine.blank(0),
                ExtractedLine.body("[1] Zo typte de indiener het.", 0), ExtractedLine.blank(0),
                ExtractedLine.footnote("[1] Stcrt. 2024, 12.", 0, 1));
    }

    @Test
    void officialMotieOdtMarksItsHeadings() throws IOException {
        List<ExtractedLine> lines = OdtTextExtractor.extract(official("kst-32545-143.odt")).lines().lines();

        assertThat(lines).filteredOn(l -> l.role() == LineRole.HEADING).extracting(ExtractedLine::text)
                .containsExactly("32 545 Wet- en regelgeving financiële markten",
                        "Nr. 143 MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS");
    }

    @Test
    void archiveWithTooManyEntriesIsRefused() {
        byte[] odt = odt("<office:document-content " + NS + "/>", ZipGuard.MAX_ENTRIES + 1);

        assertThatThrownBy(() -> OdtTextExtractor.extract(odt)).isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("more than 1000 entries");
    }

    @Test
    void entryInflatingFarBeyondTheArchiveIsRefusedAsAZipBomb() {
        String padding = " ".repeat(30 * 1024 * 1024);
        byte[] odt = odt("<office:document-content " + NS + ">" + padding + "</office:document-content>", 1);

        assertThatThrownBy(() -> OdtTextExtractor.extract(odt)).isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void contentWithADoctypeIsRefusedBeforeAnyEntityIsExpanded() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<office:document-content " + NS + "><office:body><office:text><text:p>&b;</text:p>"
                + "</office:text></office:body></office:document-content>";

        assertThatThrownBy(() -> OdtTextExtractor.extract(odt(bomb, 1))).isInstanceOf(UnsupportedDocumentException.class);
    }

    @Test
    void spreadsheetZipIsNoOdt() {
        byte[] ods = zip("application/vnd.oasis.opendocument.spreadsheet", "<office:document-content " + NS + "/>", 1);

        assertThat(FormatSniffer.sniff(ods)).isEqualTo(DocumentFormat.UNKNOWN);
    }

    private static byte[] odt(String content, int entries) {
        return zip("application/vnd.oasis.opendocument.text", content, entries);
    }

    /** An ODF package: the stored mimetype first, then content.xml, then filler entries up to {@code entries}. */
    private static byte[] zip(String mimetype, String content, int entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (int i = 1; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("Pictures/" + i + ".png"));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] official(String name) throws IOException {
        try (InputStream in = OdtTextExtractorTest.class.getResourceAsStream("/official/" + name)) {
            return in.readAllBytes();
        }
    }
}
