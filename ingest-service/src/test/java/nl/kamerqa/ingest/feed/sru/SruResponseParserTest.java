package nl.kamerqa.ingest.feed.sru;

import nl.kamerqa.ingest.feed.FeedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SruResponseParserTest {

    private static byte[] fixture(String name) {
        try (InputStream in = SruResponseParserTest.class.getResourceAsStream("/feeds/__files/sru/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void recordsCarryTheirMetadataAndItemUrlsByManifestation() throws Exception {
        SruResponse page = SruResponseParser.parse(fixture("page-1.xml"));

        assertThat(page.numberOfRecords()).isEqualTo(5);
        assertThat(page.nextRecordPosition()).isEqualTo(3);
        assertThat(page.records()).hasSize(2);
        SruRecord kst = page.records().get(0);
        assertThat(kst.identifier()).isEqualTo("kst-36600-XIV-23");
        assertThat(kst.modified()).isEqualTo("2026-11-03");
        assertThat(kst.first("type")).isEqualTo("Kamerstuk");
        assertThat(kst.first("dossiernummer")).isEqualTo("36600-XIV");
        assertThat(kst.first("subrubriek")).isEqualTo("Verslag van een schriftelijk overleg");
        assertThat(kst.itemUrls()).containsOnlyKeys("xml", "html", "pdf", "metadata");
        assertThat(kst.preferredUrl()).isEqualTo("https://zoek.officielebekendmakingen.nl/kst-36600-XIV-23.html");
        assertThat(page.records().get(1).itemUrls()).doesNotContainKey("xml");
    }

    @Test
    void diagnosticAnsweredWithHttp200IsAnError() {
        assertThatThrownBy(() -> SruResponseParser.parse(fixture("diagnostic.xml")))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("SRU diagnostic: line 1:38 mismatched input 'AND'")
                .hasMessageContaining("info:srw/diagnostic/1/10");
    }

    @Test
    void answerWithoutACountIsAnErrorNotAnEmptyPage() {
        byte[] noCount = ("<searchRetrieveResponse xmlns=\"http://docs.oasis-open.org/ns/search-ws/sruResponse\">"
                + "<version>2.0</version></searchRetrieveResponse>").getBytes();

        assertThatThrownBy(() -> SruResponseParser.parse(noCount)).isInstanceOf(FeedException.class)
                .hasMessageContaining("without numberOfRecords");
    }

    @Test
    void incrementalQueryQuotesValuesWithSpacesAndSortsByModification() {
        String cql = SruQuery.incremental(List.of("Kamervragen (Aanhangsel)", "Kamerstuk"), LocalDate.of(2026, 11, 1),
                "dt.creator==\"Tweede Kamer der Staten-Generaal\"");

        assertThat(cql).isEqualTo("c.product-area==officielepublicaties"
                + " AND (w.publicatienaam==\"Kamervragen (Aanhangsel)\" OR w.publicatienaam==Kamerstuk)"
                + " AND dt.modified>=\"2026-11-01\""
                + " AND (dt.creator==\"Tweede Kamer der Staten-Generaal\")"
                + " sortBy dt.modified/sort.ascending");
        assertThat(SruQuery.value("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    }
}
