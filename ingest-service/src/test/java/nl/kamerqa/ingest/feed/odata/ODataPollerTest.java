package nl.kamerqa.ingest.feed.odata;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.ContentSniffer;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.Counts;
import nl.kamerqa.ingest.feed.FeedIntegrationTest;
import nl.kamerqa.ingest.feed.PollResult;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OData source against v4 and v5 fixtures: pages linked by {@code @odata.nextLink}, and a Word file served
 * under a PDF content type.
 */
class ODataPollerTest extends FeedIntegrationTest {

    static final String O1 = "7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c01"; // Antwoord, ah-tk-20262027-430
    static final String O2 = "7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c02"; // Verslag schriftelijk overleg, Word as PDF
    static final String O3 = "7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c03"; // Mededeling (uitstel antwoord)

    private ODataPoller newPoller() {
        return new ODataPoller(feeds.odata(), environment);
    }

    private ODataPoller v5Poller() {
        FeedProperties.OData v4 = feeds.odata();
        return new ODataPoller(new FeedProperties.OData(true, URI.create(WIREMOCK.baseUrl() + "/OData/v5/2.0/"), "v5",
                v4.since(), v4.soorten(), null, v4.interval(), v4.initialDelay(), v4.politeness()), environment);
    }

    @Test
    void v4PagesAreFollowedThroughNextLinkAndEachDocumentIsPublishedOnce() throws Exception {
        PollResult result = newPoller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        String postponement = "sha256:" + sha256Hex(fixture("odata/resources/" + O3 + ".pdf"));
        assertThat(publishedIds()).containsExactlyInAnyOrder("ah-tk-20262027-430", "kst-36600-XIV-23", postponement);
        assertThat(state(ODataPoller.NAME).checkpoint()).containsEntry("modifiedSince", "2026-11-03T14:30:00+01:00");
        assertThat(state(ODataPoller.NAME).counts()).isEqualTo(new Counts(3, 3, 0, 0, 0));
        // the first page asks for the followed kinds, ordered by modification, without $top (which would
        // switch off nextLink); the second page is the server's nextLink
        var first = WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/OData/v4/2.0/Document"))
                .withQueryParam("$skiptoken", absent()));
        assertThat(first).hasSize(1);
        assertThat(first.get(0).queryParameter("$filter").firstValue())
                .startsWith("GewijzigdOp ge 2026-01-01T00:00:00Z and (Soort eq 'Antwoord schriftelijke vragen' or ")
                .contains("Soort eq 'Mededeling (uitstel antwoord)'");
        assertThat(first.get(0).queryParameter("$orderby").firstValue()).isEqualTo("GewijzigdOp,Id");
        assertThat(first.get(0).queryParameter("$expand").firstValue()).contains("DocumentVersie");
        assertThat(first.get(0).queryParameter("$top").isPresent()).isFalse();
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/OData/v4/2.0/Document"))
                .withQueryParam("$skiptoken", containing(O2)))).hasSize(1);
    }

    @Test
    void wordFileServedAsPdfIsPublishedAsDocx() throws Exception {
        newPoller().poll();

        RawDocument word = publishedOnce("kst-36600-XIV-23");
        assertThat(word.contentType()).isEqualTo(ContentSniffer.DOCX);
        assertThat(word.content()).isEqualTo(fixture("odata/resources/" + O2 + ".docx"));
        assertThat(word.sourceUrl()).isEqualTo(WIREMOCK.baseUrl() + "/OData/v4/2.0/Document(" + O2 + ")/resource");
        assertThat(word.metadata()).containsEntry("declaredContentType", "application/pdf")
                .containsEntry("documenttype", "Verslag van een schriftelijk overleg")
                .containsEntry("dossier", "36600-XIV")
                .containsEntry("ondernummer", "23")
                .containsEntry("officialId", "kst-36600-XIV-23")
                .containsEntry("indiener", "vaste commissie voor Landbouw, Visserij, Voedselzekerheid en Natuur")
                .containsEntry("documentNummer", "2026D47020");
    }

    @Test
    void officialIdComesFromDocumentVersieExterneIdentifierAndPostponementsAreMarked() throws Exception {
        newPoller().poll();

        RawDocument answer = publishedOnce("ah-tk-20262027-430");
        assertThat(answer.metadata()).containsEntry("aanhangselnummer", "20262027-430")
                .containsEntry("vergaderjaar", "2026-2027")
                .containsEntry("modified", "2026-11-03T10:15:00.1230000+01:00")
                .doesNotContainKey("indiener"); // the minister signs; no Indiener on an answer
        RawDocument postponement = publishedOnce("sha256:" + sha256Hex(fixture("odata/resources/" + O3 + ".pdf")));
        assertThat(postponement.metadata()).containsEntry("documenttype", "Mededeling (uitstel antwoord)")
                .containsEntry("postponement", "true");
    }

    @Test
    void v5MappingReadsTheRenamedFieldsAcrossItsPages() throws Exception {
        PollResult result = v5Poller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        RawDocument list = publishedOnce("kst-36600-VII-61");
        assertThat(list.metadata()).containsEntry("documentNummer", "2026D48100")
                .containsEntry("documenttype", "Lijst van vragen en antwoorden")
                .containsEntry("dossier", "36600-VII")
                .containsEntry("ondernummer", "61")
                .containsEntry("indiener", "vaste commissie voor Binnenlandse Zaken");
        assertThat(list.sourceUrl()).endsWith("/OData/v5/2.0/DocumentVersie(5e0a7d10-9c2b-4e6f-a1b3-c4d5e6f70a01)/resource");
        RawDocument answer = publishedOnce("ah-tk-20262027-433");
        assertThat(answer.metadata()).containsEntry("party", "VVD").containsEntry("indiener", "I. Michon-Derkzen");
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/OData/v5/2.0/DocumentVersie"))
                .withQueryParam("$filter", containing("Document/Soort eq 'Lijst van vragen en antwoorden'"))))
                .hasSize(1);
    }

    @Test
    void changedFileOfAnItemIsPublishedAsANewVersionOfTheSameDocument() throws Exception {
        newPoller().poll();
        byte[] corrected = fixture("odata/resources/" + O3 + ".pdf").clone();
        corrected[corrected.length - 2] = '\n'; // other bytes, same document
        String laterPage = wiremockText("odata/v4-page1.json")
                .replace("2026-11-03T10:15:00.1230000+01:00", "2026-11-05T08:00:00+01:00");
        WIREMOCK.stubFor(get(urlPathEqualTo("/OData/v4/2.0/Document")).withQueryParam("$skiptoken", absent())
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(laterPage).withTransformers("response-template")));
        WIREMOCK.stubFor(get(urlPathEqualTo("/OData/v4/2.0/Document(" + O1 + ")/resource")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(corrected)));

        PollResult second = newPoller().poll();

        assertThat(second.counts()).as("only O1 changed; O2 and O3 are known at their stamps")
                .isEqualTo(new Counts(1, 1, 0, 0, 0));
        List<RawDocument> versions = published().stream()
                .filter(d -> d.documentId().equals("ah-tk-20262027-430")).toList();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).metadata()).containsEntry("version", "2")
                .containsEntry("previousContentSha256", versions.get(0).contentSha256())
                .containsEntry("modified", "2026-11-05T08:00:00+01:00");
        assertThat(state(ODataPoller.NAME).checkpoint()).containsEntry("modifiedSince", "2026-11-05T08:00:00+01:00");
    }
}
