package nl.kamerqa.ingest.feed.syncfeed;

import com.github.tomakehurst.wiremock.client.WireMock;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.ContentSniffer;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.Counts;
import nl.kamerqa.ingest.feed.FeedIntegrationTest;
import nl.kamerqa.ingest.feed.FeedItem;
import nl.kamerqa.ingest.feed.PollResult;
import nl.kamerqa.ingest.feed.SourceState;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SyncFeed source against fixtures in the real form (every entity validates against the official XSDs, see
 * {@link SyncFeedFixturesMatchTheOfficialSchemasTest}): two pages with large, non-consecutive skiptokens in either
 * query-parameter order, then a caught-up page with only a {@code resume} link; a document kind that is not
 * followed, a postponement, a kamerstuk whose dossier is looked up, an answer with a nine-digit Aanhangselnummer,
 * an enclosure answering 500 for a missing file, a deletion, and an old document re-emitted with a fresh
 * {@code bijgewerkt}. The deviations seen in real data ({@code deviations/}) are served in place of page 2.
 */
class SyncFeedPollerTest extends FeedIntegrationTest {

    static final String A = "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e01"; // Antwoord, Aanhangsel 262700412; deleted on page 2
    static final String B = "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e02"; // Verslag schriftelijk overleg 36600-VII nr. 58; re-emitted
    static final String C = "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e03"; // Brief regering: not followed
    static final String D = "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e04"; // Mededeling (uitstel antwoord)
    static final String E = "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e05"; // Lijst van vragen en antwoorden: file missing (500)
    static final String F = "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e06"; // Antwoord, Aanhangsel 262700441 (ns1: prefixes)
    static final String G = "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e07"; // Antwoord, bijgewerkt without offset (deviation)

    static final String PAGE_2 = "27843577";
    static final String CAUGHT_UP = "27845310";
    private static final String FEED = "/SyncFeed/2.0/Feed";

    private SyncFeedPoller newPoller() {
        return new SyncFeedPoller(feeds.syncfeed(), environment);
    }

    private static String resource(String guid) {
        return "/SyncFeed/2.0/Resources/" + guid;
    }

    private static int requests(String path) {
        return WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    private static int pageRequests(String skiptoken) {
        return WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(FEED)).withQueryParam("skiptoken", equalTo(skiptoken)))
                .size();
    }

    /** Serves {@code body} (templated like the fixtures) for the page at {@code skiptoken}. */
    private static void servePage(String skiptoken, String body) {
        WIREMOCK.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("skiptoken", equalTo(skiptoken)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml; charset=utf-8")
                        .withBody(body).withTransformers("response-template")));
    }

    @Test
    void followsEveryPageToTheCaughtUpPageAndPublishesEachFollowedDocumentOnce() throws Exception {
        PollResult result = newPoller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        String postponementId = "sha256:" + sha256Hex(fixture("syncfeed/resources/" + D + ".pdf"));
        assertThat(publishedIds()).containsExactlyInAnyOrder("ah-tk-20262027-412", "kst-36600-VII-58",
                postponementId, "ah-tk-20262027-441");
        assertThat(pageRequests(PAGE_2)).isEqualTo(1);
        assertThat(pageRequests(CAUGHT_UP)).as("the caught-up page").isEqualTo(1);
        assertThat(requests(resource(C))).as("a kind that is not followed is never fetched").isZero();
        SourceState state = state(SyncFeedPoller.NAME);
        assertThat(state.checkpoint()).isEqualTo(Map.of("skiptoken", CAUGHT_UP));
        // fetched: A, B, D, F and B again; the re-emitted B is a duplicate, E failed, A deleted
        assertThat(state.counts()).isEqualTo(new Counts(5, 4, 1, 1, 1));
        assertThat(state.lastSuccess()).isNotNull();
        assertThat(result.counts()).isEqualTo(state.counts());
    }

    @Test
    void eachDocumentCarriesItsBytesSniffedTypeSourceUrlsAndFeedMetadata() throws Exception {
        newPoller().poll();

        RawDocument kamerstuk = publishedOnce("kst-36600-VII-58");
        assertThat(kamerstuk.content()).isEqualTo(fixture("syncfeed/resources/" + B + ".pdf"));
        assertThat(kamerstuk.contentType()).isEqualTo(ContentSniffer.PDF);
        assertThat(kamerstuk.source()).isEqualTo("syncfeed");
        assertThat(kamerstuk.sourceUrl()).isEqualTo(WIREMOCK.baseUrl() + resource(B));
        assertThat(kamerstuk.title()).isEqualTo("Vaststelling van de begrotingsstaten van het Gemeentefonds voor het jaar 2027");
        assertThat(kamerstuk.metadata())
                .containsEntry("documenttype", "Verslag van een schriftelijk overleg")
                .containsEntry("dossier", "36600-VII")
                .containsEntry("ondernummer", "58")
                .containsEntry("vergaderjaar", "2026-2027")
                .containsEntry("date", "2026-11-02T00:00:00")
                .containsEntry("documentNummer", "2026D45201")
                .containsEntry("officialId", "kst-36600-VII-58")
                .containsEntry("sourceId", B)
                .containsEntry("modified", "2026-11-02T15:20:01.1Z")
                .containsEntry("declaredContentType", "application/pdf")
                .containsEntry("version", "1")
                .containsEntry("feedUrl", WIREMOCK.baseUrl() + FEED + "?category=Document")
                .doesNotContainKey("aanhangselnummer"); // xsi:nil
        assertThat(kamerstuk.metadata().get("zaak")).contains("c0ffee00-0000-4a00-9000-000000000002")
                .contains("c0ffee00-0000-4a00-9000-000000000003");
        assertThat(requests("/SyncFeed/2.0/Entiteiten/b1c2d3e4-0001-4f00-8a00-36600000007a"))
                .as("looked up once, then known").isEqualTo(1);
    }

    @Test
    void nineDigitAanhangselnummerGivesTheOfficialAanhangselId() throws Exception {
        newPoller().poll();

        RawDocument answer = publishedOnce("ah-tk-20262027-441");
        assertThat(answer.metadata()).containsEntry("documenttype", "Antwoord schriftelijke vragen")
                .containsEntry("aanhangselnummer", "262700441")
                .containsEntry("officialId", "ah-tk-20262027-441")
                .containsEntry("modified", "2026-11-03T11:45:30.5Z")
                .containsEntry("feedUrl", WIREMOCK.baseUrl() + FEED + "?skiptoken=" + PAGE_2 + "&category=Document");
        assertThat(answer.title()).isEqualTo("Antwoord op vragen van het lid Dobbe over de huurtoeslag");
        assertThat(publishedOnce("ah-tk-20262027-412").metadata()).containsEntry("aanhangselnummer", "262700412");
    }

    @Test
    void postponementIsPublishedAndRecordedWithItsMetadata() throws Exception {
        newPoller().poll();

        String id = "sha256:" + sha256Hex(fixture("syncfeed/resources/" + D + ".pdf"));
        RawDocument postponement = publishedOnce(id);
        assertThat(postponement.metadata()).containsEntry("documenttype", "Mededeling (uitstel antwoord)")
                .containsEntry("postponement", "true")
                .containsEntry("vergaderjaar", "2026-2027")
                .containsEntry("date", "2026-11-03T00:00:00");
        FeedItem recorded = item(SyncFeedPoller.NAME, D);
        assertThat(recorded.outcome()).isEqualTo(FeedItem.Outcome.PUBLISHED);
        assertThat(recorded.documentId()).isEqualTo(id);
        assertThat(recorded.stamp()).isEqualTo("2026-11-03T09:00:44Z");
    }

    @Test
    void verwijderdEntryIsRecordedAsADeletionAndNotFetched() throws Exception {
        newPoller().poll();

        FeedItem deleted = item(SyncFeedPoller.NAME, A);
        assertThat(deleted.outcome()).isEqualTo(FeedItem.Outcome.DELETED);
        assertThat(deleted.documentId()).isEqualTo("ah-tk-20262027-412");
        assertThat(deleted.stamp()).isEqualTo("2026-11-03T12:00:02Z");
        // the deletion entry still links the old file: only the original entry fetched it
        assertThat(requests(resource(A))).isEqualTo(1);
        assertThat(state(SyncFeedPoller.NAME).counts().deleted()).isEqualTo(1);
    }

    @Test
    void verwijderdTrueWithACapitalSeenInRealDataIsADeletionToo() throws Exception {
        servePage(PAGE_2, wiremockText("syncfeed/deviations/verwijderd-True.xml"));

        newPoller().poll();

        FeedItem deleted = item(SyncFeedPoller.NAME, B);
        assertThat(deleted.outcome()).isEqualTo(FeedItem.Outcome.DELETED);
        assertThat(deleted.documentId()).isEqualTo("kst-36600-VII-58");
    }

    @Test
    void bijgewerktWithoutAnOffsetIsTheVersionAsWrittenAndRecognisedWhenReadAgain() throws Exception {
        servePage(PAGE_2, wiremockText("syncfeed/deviations/bijgewerkt-without-offset.xml"));
        newPoller().poll();

        assertThat(publishedOnce("ah-tk-20262027-452").metadata()).containsEntry("modified", "2026-11-04T09:12:44.5370000");
        assertThat(item(SyncFeedPoller.NAME, G).stamp()).isEqualTo("2026-11-04T09:12:44.5370000");
        database().getCollection("checkpoints").deleteMany(new Document());
        newPoller().poll();

        assertThat(pageRequests(PAGE_2)).as("read twice").isEqualTo(2);
        assertThat(requests(resource(G))).as("the same version is not fetched again").isEqualTo(1);
    }

    @Test
    void oldDocumentReEmittedWithAFreshBijgewerktIsFetchedAgainButNotPublishedAgain() throws Exception {
        newPoller().poll();

        assertThat(requests(resource(B))).as("bulk corrections re-emit unchanged documents").isEqualTo(2);
        FeedItem reEmitted = item(SyncFeedPoller.NAME, B);
        assertThat(reEmitted.stamp()).isEqualTo("2026-11-04T03:12:09.551Z");
        assertThat(reEmitted.outcome()).isEqualTo(FeedItem.Outcome.DUPLICATE);
        assertThat(reEmitted.documentId()).isEqualTo("kst-36600-VII-58");
        assertThat(publishedOnce("kst-36600-VII-58").metadata()).containsEntry("modified", "2026-11-02T15:20:01.1Z");
    }

    @Test
    void enclosureAnswering500ForAMissingFileFailsThatEntryAfterTheRetriesAndTheFeedGoesOn() throws Exception {
        PollResult result = newPoller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        FeedItem failed = item(SyncFeedPoller.NAME, E);
        assertThat(failed.outcome()).isEqualTo(FeedItem.Outcome.FAILED);
        assertThat(failed.reason()).contains("HTTP 500").contains("An error has occurred");
        assertThat(requests(resource(E))).as("retried as a server error first").isEqualTo(3);
        assertThat(item(SyncFeedPoller.NAME, A).outcome()).as("the entry after it").isEqualTo(FeedItem.Outcome.DELETED);
        assertThat(state(SyncFeedPoller.NAME).checkpoint()).containsEntry("skiptoken", CAUGHT_UP);
    }

    @Test
    void enclosureAnsweringJson404FailsThatEntryWithoutRetrying() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo(resource(E))).atPriority(1).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"Message\": \"No HTTP resource was found that matches the request URI.\"}")));

        newPoller().poll();

        assertThat(item(SyncFeedPoller.NAME, E).reason()).contains("HTTP 404").contains("No HTTP resource was found");
        assertThat(requests(resource(E))).isEqualTo(1);
    }

    @Test
    void enclosureNoClientCanFollowFailsThatEntryOnly() throws Exception {
        String rewritten = wiremockText("syncfeed/feed-" + PAGE_2 + ".xml").replace(
                "{{request.baseUrl}}/SyncFeed/2.0/Resources/" + F, "http://__MOCK_SERVICE__/SyncFeed/2.0/Resources/" + F);
        servePage(PAGE_2, rewritten);

        PollResult result = newPoller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(item(SyncFeedPoller.NAME, F).reason()).contains("not a URL to fetch: http://__MOCK_SERVICE__/");
        assertThat(state(SyncFeedPoller.NAME).checkpoint()).containsEntry("skiptoken", CAUGHT_UP);
    }

    @Test
    void pollFromTheCheckpointFetchesAndPublishesNothingAgain() throws Exception {
        newPoller().poll();
        int resourceRequests = WIREMOCK.findAll(getRequestedFor(WireMock.urlPathMatching("/SyncFeed/2.0/Resources/.*"))).size();

        PollResult again = newPoller().poll();

        assertThat(again.succeeded()).isTrue();
        assertThat(again.counts()).isEqualTo(Counts.ZERO);
        assertThat(pageRequests(CAUGHT_UP)).isEqualTo(2);
        assertThat(pageRequests(PAGE_2)).isEqualTo(1);
        assertThat(WIREMOCK.findAll(getRequestedFor(WireMock.urlPathMatching("/SyncFeed/2.0/Resources/.*"))))
                .hasSize(resourceRequests);
        assertThat(publishedIds()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void caughtUpPageMovesTheCheckpointToItsResumeLink() throws Exception {
        String caughtUp = wiremockText("syncfeed/feed-" + CAUGHT_UP + ".xml");
        servePage(CAUGHT_UP, caughtUp.replace("rel=\"resume\" href=\"{{request.baseUrl}}/SyncFeed/2.0/Feed?category=Document&amp;skiptoken=" + CAUGHT_UP,
                "rel=\"resume\" href=\"{{request.baseUrl}}/SyncFeed/2.0/Feed?skiptoken=27846001&amp;category=Document"));
        servePage("27846001", caughtUp);
        newPoller().poll();

        assertThat(state(SyncFeedPoller.NAME).checkpoint()).isEqualTo(Map.of("skiptoken", "27846001"));
        PollResult later = newPoller().poll();

        assertThat(later.succeeded()).as(later.error()).isTrue();
        assertThat(pageRequests("27846001")).as("the next poll asks where the feed said to resume").isEqualTo(1);
        assertThat(pageRequests(CAUGHT_UP)).isEqualTo(1);
    }

    @Test
    void crashInTheMiddleOfAPageLeavesNoDuplicatesAfterTheRestart() throws Exception {
        // the 4th document is F, the first entry of page 2: published, then the process dies before its item and
        // checkpoint are written
        SyncFeedPoller crashing = new SyncFeedPoller(feeds.syncfeed(), environment.withSink(crashingAfter(4)));
        assertThatThrownBy(crashing::poll).isInstanceOf(SimulatedCrash.class);
        assertThat(state(SyncFeedPoller.NAME).checkpoint()).as("after entry D").containsEntry("skiptoken", PAGE_2);

        PollResult resumed = newPoller().poll();

        assertThat(resumed.succeeded()).as(resumed.error()).isTrue();
        assertThat(pageRequests(PAGE_2)).as("resumed at the entry after the last one recorded").isEqualTo(2);
        assertThat(requests(resource(F))).as("F was read again").isEqualTo(2);
        List<String> ids = publishedIds();
        assertThat(ids).hasSize(4).doesNotHaveDuplicates().contains("ah-tk-20262027-441");
        assertThat(resumed.counts().duplicates()).as("the re-read F and the re-emitted B").isEqualTo(2);
        assertThat(state(SyncFeedPoller.NAME).checkpoint()).containsEntry("skiptoken", CAUGHT_UP);
    }

    @Test
    void errorPagesAreRetriedWithBackoffUntilTheFeedAnswers() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("skiptoken", equalTo(PAGE_2)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs("Started").willSetStateTo("once")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/xml")
                        .withBodyFile("syncfeed/error-500.xml")));
        WIREMOCK.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("skiptoken", equalTo(PAGE_2)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs("once").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

        PollResult result = newPoller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(pageRequests(PAGE_2)).as("two failures, then the page").isEqualTo(3);
        assertThat(publishedIds()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void persistentErrorFailsThePollSoftlyKeepsTheCheckpointAndTheNextPollResumes() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("skiptoken", equalTo(PAGE_2)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/xml")
                        .withBodyFile("syncfeed/error-500.xml")));
        SyncFeedPoller poller = newPoller();

        PollResult failed = poller.poll();

        assertThat(failed.status()).isEqualTo(PollResult.Status.FAILURE);
        assertThat(failed.error()).contains("HTTP 500").contains("An error has occurred").contains("3 attempts");
        assertThat(pageRequests(PAGE_2)).isEqualTo(3);
        SourceState state = state(SyncFeedPoller.NAME);
        assertThat(state.checkpoint()).containsEntry("skiptoken", PAGE_2);
        assertThat(state.lastError()).contains("An error has occurred");
        assertThat(state.lastErrorAt()).isNotNull();
        assertThat(state.lastSuccess()).isNull();
        assertThat(poller.nextBackoff()).isPositive();
        assertThat(publishedIds()).hasSize(3);

        WIREMOCK.resetAll();
        PollResult resumed = poller.poll();

        assertThat(resumed.succeeded()).isTrue();
        assertThat(pageRequests(PAGE_2)).isEqualTo(1);
        assertThat(publishedIds()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void unreachableFeedFailsSoftWithoutACrash() throws Exception {
        FeedProperties.SyncFeed s = feeds.syncfeed();
        FeedProperties.SyncFeed offline = new FeedProperties.SyncFeed(true, URI.create("http://127.0.0.1:9/SyncFeed/2.0/"),
                s.category(), s.startSkiptoken(), s.soorten(), s.resolveDossiers(), s.interval(), s.initialDelay(),
                s.politeness());

        PollResult result = new SyncFeedPoller(offline, environment).poll();

        assertThat(result.status()).isEqualTo(PollResult.Status.FAILURE);
        assertThat(result.error()).contains("could not reach http://127.0.0.1:9/SyncFeed/2.0/Feed");
        assertThat(state(SyncFeedPoller.NAME).lastError()).contains("could not reach");
    }
}
