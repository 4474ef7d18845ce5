package nl.kamerqa.ingest.feed.sru;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.ContentSniffer;
import nl.kamerqa.ingest.feed.Counts;
import nl.kamerqa.ingest.feed.FeedIntegrationTest;
import nl.kamerqa.ingest.feed.PollResult;
import nl.kamerqa.ingest.feed.SourceState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SRU source against fixtures of the repository's structure: 5 records in pages of 2 (test setting), a
 * Kamerstuk kind that is not followed (Motie), a record with only a pdf manifestation, a postponement.
 */
class SruPollerTest extends FeedIntegrationTest {

    private static final String REPO = "/frbr/officielepublicaties";

    private SruPoller newPoller() {
        return new SruPoller(feeds.sru(), environment);
    }

    private static List<LoggedRequest> pageRequests(int startRecord) {
        return WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/sru"))
                .withQueryParam("startRecord", equalTo(Integer.toString(startRecord))));
    }

    private static int requests(String path) {
        return WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void pagesToNumberOfRecordsWithAnIncrementalCqlQuery() throws Exception {
        PollResult result = newPoller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(publishedIds()).containsExactlyInAnyOrder("kst-36600-XIV-23", "ah-tk-20262027-430",
                "ah-tk-20262027-441", "ah-tk-20262027-445");
        assertThat(pageRequests(1)).hasSize(1);
        assertThat(pageRequests(3)).hasSize(1);
        assertThat(pageRequests(5)).hasSize(1);
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/sru")))).as("no page past numberOfRecords").hasSize(3);
        LoggedRequest first = pageRequests(1).get(0);
        assertThat(first.queryParameter("query").firstValue()).isEqualTo("c.product-area==officielepublicaties"
                + " AND (w.publicatienaam==\"Kamervragen (Aanhangsel)\" OR w.publicatienaam==Kamerstuk)"
                + " AND dt.modified>=\"2026-01-01\" sortBy dt.modified/sort.ascending");
        assertThat(first.queryParameter("operation").firstValue()).isEqualTo("searchRetrieve");
        assertThat(first.queryParameter("version").firstValue()).isEqualTo("2.0");
        assertThat(first.queryParameter("maximumRecords").firstValue()).isEqualTo("2");
        assertThat(first.getHeader("Accept")).isEqualTo("application/xml");
        assertThat(first.getHeader("User-Agent")).isEqualTo("kamerqa-test/1.0 (feeds@example.org)");
        SourceState state = state(SruPoller.NAME);
        assertThat(state.checkpoint()).isEqualTo(Map.of("modifiedSince", "2026-11-05", "startRecord", "1"));
        assertThat(state.counts()).isEqualTo(new Counts(4, 4, 0, 0, 0));
    }

    @Test
    void theMostPreferredManifestationPresentIsFetchedXmlThenHtmlThenPdf() throws Exception {
        newPoller().poll();

        RawDocument xml = publishedOnce("kst-36600-XIV-23");
        assertThat(xml.contentType()).isEqualTo(ContentSniffer.XML);
        assertThat(xml.metadata()).containsEntry("manifestation", "xml")
                .containsKeys("url.xml", "url.html", "url.pdf", "url.metadata");
        assertThat(requests(REPO + "/kst/36600-XIV/kst-36600-XIV-23/1/html/kst-36600-XIV-23.html")).isZero();
        assertThat(requests(REPO + "/kst/36600-XIV/kst-36600-XIV-23/1/pdf/kst-36600-XIV-23.pdf")).isZero();
        RawDocument html = publishedOnce("ah-tk-20262027-430");
        assertThat(html.contentType()).isEqualTo(ContentSniffer.HTML);
        assertThat(html.metadata()).containsEntry("manifestation", "html").doesNotContainKey("url.xml");
    }

    @Test
    void recordWithOnlyAPdfManifestationIsFetchedAsPdf() throws Exception {
        newPoller().poll();

        RawDocument pdf = publishedOnce("ah-tk-20262027-441");
        assertThat(pdf.contentType()).isEqualTo(ContentSniffer.PDF);
        assertThat(pdf.sourceUrl()).isEqualTo(WIREMOCK.baseUrl() + REPO
                + "/ah-tk/20262027/ah-tk-20262027-441/1/pdf/ah-tk-20262027-441.pdf");
        assertThat(pdf.metadata()).containsEntry("manifestation", "pdf")
                .containsEntry("aanhangselnummer", "441")
                .containsEntry("vraagnummer", "2026Z19911")
                .containsEntry("documenttype", "Kamervragen (Aanhangsel)");
    }

    @Test
    void recordsCarryTheRepositoryMetadataAndPostponementsAreMarked() throws Exception {
        newPoller().poll();

        RawDocument kamerstuk = publishedOnce("kst-36600-XIV-23");
        assertThat(kamerstuk.metadata()).containsEntry("dossier", "36600-XIV")
                .containsEntry("ondernummer", "23")
                .containsEntry("vergaderjaar", "2026-2027")
                .containsEntry("documenttype", "Verslag van een schriftelijk overleg")
                .containsEntry("date", "2026-11-03")
                .containsEntry("officialId", "kst-36600-XIV-23");
        assertThat(publishedOnce("ah-tk-20262027-430").metadata()).containsEntry("indiener", "J.E. Slagt-Tichelman");
        assertThat(publishedOnce("ah-tk-20262027-445").metadata()).containsEntry("postponement", "true");
        assertThat(requests(REPO + "/kst/36600-VII/kst-36600-VII-70/1/xml/kst-36600-VII-70.xml"))
                .as("a Motie is not followed").isZero();
    }

    @Test
    void failingPreferredManifestationFallsBackToTheNext() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo(REPO + "/kst/36600-XIV/kst-36600-XIV-23/1/xml/kst-36600-XIV-23.xml"))
                .atPriority(1).willReturn(aResponse().withStatus(404)));

        newPoller().poll();

        RawDocument html = publishedOnce("kst-36600-XIV-23");
        assertThat(html.contentType()).isEqualTo(ContentSniffer.HTML);
        assertThat(html.metadata()).containsEntry("manifestation", "html");
    }

    @Test
    void diagnosticOnHttp200IsAnErrorNotAnEmptyResult() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo("/sru")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBodyFile("sru/diagnostic.xml")));

        PollResult result = newPoller().poll();

        assertThat(result.status()).isEqualTo(PollResult.Status.FAILURE);
        assertThat(result.error()).contains("SRU diagnostic").contains("mismatched input")
                .contains("info:srw/diagnostic/1/10");
        SourceState state = state(SruPoller.NAME);
        assertThat(state.lastError()).contains("SRU diagnostic");
        assertThat(state.lastSuccess()).isNull();
        assertThat(state.checkpoint()).as("nothing moved").isEmpty();
        assertThat(publishedIds()).isEmpty();
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathMatching(REPO + "/.*")))).isEmpty();
    }

    @Test
    void crashInTheMiddleOfAPageRereadsAtMostThatPage() throws Exception {
        // documents: S1, S2 (page 1), S4 (page 3) -> crash right after S4 was published
        SruPoller crashing = new SruPoller(feeds.sru(), environment.withSink(crashingAfter(3)));
        assertThatThrownBy(crashing::poll).isInstanceOf(SimulatedCrash.class);
        assertThat(state(SruPoller.NAME).checkpoint())
                .isEqualTo(Map.of("modifiedSince", "2026-01-01", "startRecord", "3"));

        PollResult resumed = newPoller().poll();

        assertThat(resumed.succeeded()).as(resumed.error()).isTrue();
        assertThat(pageRequests(1)).as("page 1 is not read again").hasSize(1);
        assertThat(pageRequests(3)).hasSize(2);
        assertThat(publishedIds()).hasSize(4).doesNotHaveDuplicates();
    }
}
