package nl.kamerqa.ingest.feed.sru;

import nl.kamerqa.ingest.feed.FeedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    void recordedAnswerIsReadWholeWhateverItsCountSays() throws Exception {
        SruResponse answer = SruResponseParser.parse(fixture("recorded/integratie-5-records.xml"));

        assertThat(answer.numberOfRecords()).isEqualTo(3);
        assertThat(answer.nextRecordPosition()).isNull();
        assertThat(answer.records()).extracting(SruRecord::identifier).containsExactly("kst-32545-143",
                "ah-tk-20202021-3235", "blg-1007826", "blg-1025203", "kst-32545-144");
        SruRecord aanhangsel = answer.records().get(1);
        assertThat(aanhangsel.first("aanhangselnummer")).isEqualTo("3235");
        assertThat(aanhangsel.first("vergaderjaar")).isEqualTo("2020-2021");
        assertThat(aanhangsel.first("publicatienaam")).isEqualTo("Kamervragen (Aanhangsel)");
        assertThat(aanhangsel.modified()).isEqualTo("2021-07-22");
        assertThat(aanhangsel.itemUrls()).containsKeys("xml", "html", "pdf", "odt", "metadata", "metadataowms");
        assertThat(aanhangsel.itemUrls().get("xml")).startsWith("http://__MOCK_SERVICE__/repository.overheid.nl/");
        assertThat(aanhangsel.preferredUrl()).isEqualTo("https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3235.html");
        assertThat(answer.records().get(3).itemUrls().get("pdf")).startsWith("httbroken://");
    }

    @Test
    void firstPageOfARecordedIncrementalQuerySaysWhereTheNextStarts() throws Exception {
        SruResponse page = SruResponseParser.parse(fixture("recorded/oep-page-1-of-76.xml"));

        assertThat(page.numberOfRecords()).isEqualTo(76);
        assertThat(page.nextRecordPosition()).isEqualTo(11);
        assertThat(page.records()).hasSize(10).extracting(SruRecord::identifier)
                .contains("blg-998035", "h-ek-20212022-2-7", "kst-22112-3185", "h-ek-20212022-2-1");
        assertThat(page.records()).extracting(r -> r.first("publicatienaam")).containsOnly("Kamerstuk", "Handelingen");
    }

    @Test
    void recordedBareRecordsReadLikeTheRecordsOfAnAnswer() throws Exception {
        assertThat(recordOf("record-bijlage.fragment.xml").identifier()).isEqualTo("blg-936562");
        assertThat(recordOf("record-handeling.fragment.xml").first("publicatienaam")).isEqualTo("Handelingen");
        SruRecord question = recordOf("record-kv-onopgemaakt.fragment.xml");
        assertThat(question.identifier()).isEqualTo("kv-2989900822");
        assertThat(question.first("publicatienaam")).isEqualTo("Kamervragen zonder antwoord");
        assertThat(question.first("vraagnummer")).isEqualTo("2989900822");
        assertThat(question.itemUrls()).containsOnlyKeys("html", "metadata", "metadataowms", "xml");
        assertThat(SruResponseParser.parse(fixture("recorded/record-kst-35842-4.xml")).records())
                .singleElement().satisfies(r -> assertThat(r.first("subrubriek")).isEqualTo("Overig"));
    }

    /** A bare recorded {@code sru:record}, read inside the answer it was cut from. */
    private static SruRecord recordOf(String fragment) throws Exception {
        String record = new String(fixture("recorded/" + fragment), StandardCharsets.UTF_8)
                .replaceFirst("^<\\?xml[^>]*\\?>", "");
        String answer = "<sru:searchRetrieveResponse xmlns:sru=\"http://docs.oasis-open.org/ns/search-ws/sruResponse\">"
                + "<sru:numberOfRecords>1</sru:numberOfRecords><sru:records>" + record
                + "</sru:records></sru:searchRetrieveResponse>";
        return SruResponseParser.parse(answer.getBytes(StandardCharsets.UTF_8)).records().get(0);
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
