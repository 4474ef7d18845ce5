package nl.kamerqa.ingest.feed;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.ContentSniffer;
import nl.kamerqa.ingest.feed.odata.ODataPoller;
import nl.kamerqa.ingest.feed.sru.SruPoller;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPoller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All feeds together, as a fresh stack pointed at the mock servers sees them: every fixture document is
 * published exactly once although some come through both the SRU repository and OData or the SyncFeed, and a
 * restart adds nothing; the admin endpoint and the metrics show the sources' state.
 */
class CrossSourceTest extends FeedIntegrationTest {

    @Autowired
    SyncFeedPoller syncFeed;
    @Autowired
    ODataPoller oData;
    @Autowired
    SruPoller sru;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sameDocumentThroughSruAndODataIsPublishedOnce() throws Exception {
        sru.poll();
        oData.poll();

        RawDocument xml = publishedOnce("kst-36600-XIV-23");
        assertThat(xml.source()).isEqualTo("sru");
        assertThat(xml.contentType()).isEqualTo(ContentSniffer.XML);
        assertThat(publishedOnce("ah-tk-20262027-430").source()).isEqualTo("sru");
        assertThat(state(ODataPoller.NAME).counts()).isEqualTo(new Counts(4, 2, 2, 0, 0));
        assertThat(item(ODataPoller.NAME, "7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c02").outcome())
                .isEqualTo(FeedItem.Outcome.DUPLICATE);
    }

    @Test
    void answerWithANineDigitAanhangselnummerThroughSyncFeedAndSruIsPublishedOnce() throws Exception {
        // the SyncFeed writes Aanhangselnummer 262700441, the repository's record is ah-tk-20262027-441
        assertThat(sru.poll().succeeded()).isTrue();
        assertThat(syncFeed.poll().succeeded()).isTrue();

        RawDocument answer = publishedOnce("ah-tk-20262027-441");
        assertThat(answer.source()).isEqualTo("sru");
        FeedItem joined = item(SyncFeedPoller.NAME, "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e06");
        assertThat(joined.outcome()).isEqualTo(FeedItem.Outcome.DUPLICATE);
        assertThat(joined.documentId()).isEqualTo("ah-tk-20262027-441");
        assertThat(publishedIds()).filteredOn(id -> id.startsWith("sha256:")).as("no copy under a content id")
                .hasSize(1); // the SyncFeed's postponement, which has no official id
    }

    @Test
    void everyFixtureDocumentIsPublishedExactlyOnceAcrossSourcesAndARestart() throws Exception {
        for (FeedPoller p : List.of(syncFeed, oData, sru)) {
            assertThat(p.poll().succeeded()).as(p.name()).isTrue();
        }
        // a restart: new instances resume from the stored checkpoints
        for (FeedPoller p : List.<FeedPoller>of(new SyncFeedPoller(feeds.syncfeed(), environment),
                new ODataPoller(feeds.odata(), environment), new SruPoller(feeds.sru(), environment))) {
            PollResult again = p.poll();
            assertThat(again.succeeded()).as(p.name()).isTrue();
            assertThat(again.counts().published()).as(p.name() + " after the restart").isZero();
        }

        assertThat(publishedIds()).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "ah-tk-20262027-412", "kst-36600-VII-58", "ah-tk-20262027-441",
                "sha256:" + sha256Hex(fixture("syncfeed/resources/4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e04.pdf")),
                "kst-36600-XIV-23", "ah-tk-20262027-430", "kst-36600-XVI-12",
                "sha256:" + sha256Hex(fixture("odata/resources/7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c03.pdf")),
                "ah-tk-20262027-445");

        JsonNode sources = JSON.readTree(get("/api/admin/sources").body());
        assertThat(sources.size()).isEqualTo(4);
        JsonNode syncfeed = sources.get(0);
        assertThat(syncfeed.get("name").asString()).isEqualTo("syncfeed");
        assertThat(syncfeed.get("enabled").asBoolean()).isTrue();
        assertThat(syncfeed.at("/checkpoint/skiptoken").asString()).isEqualTo("27845310");
        assertThat(syncfeed.get("lastSuccess").asString()).isNotBlank();
        assertThat(syncfeed.at("/counts/fetched").asLong()).isEqualTo(5);
        assertThat(syncfeed.at("/counts/published").asLong()).isEqualTo(4);
        assertThat(syncfeed.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(syncfeed.at("/counts/deleted").asLong()).isEqualTo(1);
        assertThat(syncfeed.at("/counts/duplicates").asLong()).as("the re-emitted document").isEqualTo(1);
        assertThat(sources.get(1).get("name").asString()).isEqualTo("odata");
        assertThat(sources.get(1).at("/checkpoint/apiModifiedSince").asString()).isEqualTo("2026-11-03T13:45:00Z");
        assertThat(sources.get(2).get("name").asString()).isEqualTo("sru");
        assertThat(sources.get(2).at("/checkpoint/modifiedSince").asString()).isEqualTo("2026-11-05");
        assertThat(sources.get(3).get("name").asString()).isEqualTo("folder");
        assertThat(sources.get(3).has("nextPollAt")).isTrue();

        String metrics = get("/actuator/prometheus").body();
        for (String feed : List.of("syncfeed", "odata", "sru", "folder")) {
            assertThat(metrics).containsPattern("kamerqa_feed_last_success_timestamp_seconds\\{application=\"ingest-service\","
                    + "feed=\"" + feed + "\"} [0-9.E]+");
            assertThat(metrics).contains("kamerqa_feed_polls_total{application=\"ingest-service\",feed=\"" + feed
                    + "\",result=\"success\"}");
        }
        assertThat(metrics).contains("kamerqa_feed_items_total{application=\"ingest-service\",feed=\"syncfeed\",outcome=\"deleted\"}")
                .contains("kamerqa_ingest_documents_total{application=\"ingest-service\",outcome=\"accepted\",reason=\"none\",source=\"syncfeed\"}")
                .contains("kamerqa_ingest_documents_total{application=\"ingest-service\",outcome=\"duplicate\",reason=\"none\",source=\"odata\"}")
                .contains("kamerqa_ingest_documents_total{application=\"ingest-service\",outcome=\"rejected\",reason=\"unsupported_type\",source=\"sru\"}")
                .contains("kamerqa_ingest_documents_received_total{application=\"ingest-service\",source=\"odata\"}")
                .contains("kamerqa_feed_http_retries_total{application=\"ingest-service\",feed=\"sru\"}");
    }

    @Test
    void adminEndpointShowsTheLastErrorOfAFailingSource() throws Exception {
        WIREMOCK.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/sru")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withHeader("Content-Type", "application/xml").withBodyFile("sru/diagnostic.xml")));
        sru.poll();

        HttpResponse<String> response = get("/api/admin/sources");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode sruState = JSON.readTree(response.body()).get(2);
        assertThat(sruState.get("lastError").asString()).contains("SRU diagnostic");
        assertThat(sruState.get("lastErrorAt").asString()).isNotBlank();
        assertThat(sruState.get("lastSuccess").isNull()).isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("X-API-Key", API_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
