package nl.kamerqa.ingest.feed.odata;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.ContentSniffer;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.Counts;
import nl.kamerqa.ingest.feed.FeedIntegrationTest;
import nl.kamerqa.ingest.feed.PollResult;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OData source against v4 and v5 fixtures: pages linked by {@code @odata.nextLink}, polled on ApiGewijzigdOp;
 * Kamerstukdossier as an array with zero (O1, O3), one (O2) and two (O4) dossiers; a Word file served under a PDF
 * content type; a change that reaches the API late with an old GewijzigdOp (O5); the mapping checked against
 * {@code $metadata} at the first poll.
 */
class ODataPollerTest extends FeedIntegrationTest {

    static final String O1 = "7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c01"; // Antwoord, Aanhangsel 262700430, no dossier
    static final String O2 = "7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c02"; // Verslag schriftelijk overleg 36600-XIV, Word as PDF
    static final String O3 = "7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c03"; // Mededeling (uitstel antwoord), no dossier
    static final String O4 = "7a1c9e20-4b6d-4f3a-8c2e-5d6f7a8b9c04"; // Lijst van vragen en antwoorden, two dossiers

    private static final String DOCUMENTS = "/OData/v4/2.0/Document";
    private static final String LAST_VISIBLE = "2026-11-03T13:45:00Z"; // O4's ApiGewijzigdOp, the latest of the pages

    private ODataPoller newPoller() {
        return new ODataPoller(feeds.odata(), environment);
    }

    /** A v5 poller configured as a user would, with extra {@code kamerqa.feeds.odata.*} settings. */
    private ODataPoller v5Poller(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("kamerqa.feeds.odata.enabled", "true");
        properties.put("kamerqa.feeds.odata.version", "v5");
        properties.put("kamerqa.feeds.odata.base-url", WIREMOCK.baseUrl() + "/OData/v5/2.0/");
        properties.put("kamerqa.feeds.odata.politeness.pause", "0s");
        properties.put("kamerqa.feeds.odata.politeness.backoff", "1ms");
        properties.put("kamerqa.feeds.odata.politeness.max-backoff", "20ms");
        FeedProperties.OData odata = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("kamerqa.feeds.odata", FeedProperties.OData.class);
        return new ODataPoller(odata, environment);
    }

    private static List<LoggedRequest> firstPageRequests() {
        return WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(DOCUMENTS)).withQueryParam("$skiptoken", absent()));
    }

    @Test
    void v4PagesAreFollowedThroughNextLinkPolledOnApiGewijzigdOpAndEachDocumentIsPublishedOnce() throws Exception {
        PollResult result = newPoller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        String postponement = "sha256:" + sha256Hex(fixture("odata/resources/" + O3 + ".pdf"));
        assertThat(publishedIds()).containsExactlyInAnyOrder("ah-tk-20262027-430", "kst-36600-XIV-23", postponement,
                "kst-36600-XVI-12");
        assertThat(state(ODataPoller.NAME).checkpoint()).isEqualTo(Map.of("apiModifiedSince", LAST_VISIBLE));
        assertThat(state(ODataPoller.NAME).counts()).isEqualTo(new Counts(4, 4, 0, 0, 0));
        // the first page asks for the followed kinds, ordered by when the API showed their change, without $top
        // (which would switch off nextLink); the second page is the server's nextLink
        List<LoggedRequest> first = firstPageRequests();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).queryParameter("$filter").firstValue())
                .startsWith("ApiGewijzigdOp ge 2026-01-01T00:00:00Z and (Soort eq 'Antwoord schriftelijke vragen' or ")
                .contains("Soort eq 'Mededeling (uitstel antwoord)'");
        assertThat(first.get(0).queryParameter("$orderby").firstValue()).isEqualTo("ApiGewijzigdOp,Id");
        assertThat(first.get(0).queryParameter("$expand").firstValue()).contains("DocumentVersie")
                .contains("Kamerstukdossier($select=Nummer,Toevoeging)");
        assertThat(first.get(0).queryParameter("$top").isPresent()).isFalse();
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(DOCUMENTS))
                .withQueryParam("$skiptoken", containing(O2)))).hasSize(1);
    }

    @Test
    void wordFileServedAsPdfIsPublishedAsDocx() throws Exception {
        newPoller().poll();

        RawDocument word = publishedOnce("kst-36600-XIV-23");
        assertThat(word.contentType()).isEqualTo(ContentSniffer.DOCX);
        assertThat(word.content()).isEqualTo(fixture("odata/resources/" + O2 + ".docx"));
        assertThat(word.sourceUrl()).isEqualTo(WIREMOCK.baseUrl() + DOCUMENTS + "(" + O2 + ")/resource");
        assertThat(word.metadata()).containsEntry("declaredContentType", "application/pdf")
                .containsEntry("documenttype", "Verslag van een schriftelijk overleg")
                .containsEntry("indiener", "vaste commissie voor Landbouw, Visserij, Voedselzekerheid en Natuur")
                .containsEntry("documentNummer", "2026D47020");
    }

    @Test
    void kamerstukdossierArrayWithZeroOneOrTwoDossiers() throws Exception {
        newPoller().poll();

        assertThat(publishedOnce("ah-tk-20262027-430").metadata()).as("none: an answer")
                .doesNotContainKeys("dossier", "ondernummer");
        assertThat(publishedOnce("kst-36600-XIV-23").metadata()).as("one: the kamerstuk id is derived")
                .containsEntry("dossier", "36600-XIV").containsEntry("ondernummer", "23")
                .containsEntry("officialId", "kst-36600-XIV-23");
        assertThat(publishedOnce("kst-36600-XVI-12").metadata()).as("two: the id only from ExterneIdentifier")
                .containsEntry("dossier", "36600-XVI; 31839").containsEntry("ondernummer", "12")
                .containsEntry("officialId", "kst-36600-XVI-12");
    }

    @Test
    void answerTakesItsIdFromTheNineDigitAanhangselnummerAndPostponementsAreMarked() throws Exception {
        newPoller().poll();

        RawDocument answer = publishedOnce("ah-tk-20262027-430");
        assertThat(answer.metadata()).containsEntry("aanhangselnummer", "262700430")
                .containsEntry("officialId", "ah-tk-20262027-430")
                .containsEntry("vergaderjaar", "2026-2027")
                .containsEntry("modified", "2026-11-03T10:15:00.1230000+01:00")
                .doesNotContainKey("indiener"); // the minister signs; no Indiener on an answer
        RawDocument postponement = publishedOnce("sha256:" + sha256Hex(fixture("odata/resources/" + O3 + ".pdf")));
        assertThat(postponement.metadata()).containsEntry("documenttype", "Mededeling (uitstel antwoord)")
                .containsEntry("postponement", "true");
    }

    @Test
    void changeThatReachesTheApiLateWithAnOldGewijzigdOpIsNotMissed() throws Exception {
        newPoller().poll();
        WIREMOCK.stubFor(get(urlPathEqualTo(DOCUMENTS)).withQueryParam("$skiptoken", absent())
                .withQueryParam("$filter", containing("ApiGewijzigdOp ge " + LAST_VISIBLE)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBodyFile("odata/v4-late-change.json").withTransformers("response-template")));

        PollResult second = newPoller().poll();

        assertThat(second.counts()).isEqualTo(new Counts(1, 1, 0, 0, 0));
        RawDocument late = publishedOnce("ah-tk-20262027-455");
        assertThat(late.metadata()).as("changed at the source long before the last poll")
                .containsEntry("modified", "2026-10-20T16:05:00+02:00");
        assertThat(state(ODataPoller.NAME).checkpoint()).isEqualTo(Map.of("apiModifiedSince", "2026-11-04T07:00:12.8Z"));
    }

    @Test
    void checkpointOfAnEarlierReleaseOnGewijzigdOpIsReadAsTheApiGewijzigdOpToStartFrom() throws Exception {
        environment.states().saveProgress(ODataPoller.NAME, Map.of("modifiedSince", "2026-11-03T11:02:41.5000000+01:00"),
                Counts.ZERO);

        PollResult result = newPoller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(firstPageRequests().get(0).queryParameter("$filter").firstValue())
                .startsWith("ApiGewijzigdOp ge 2026-11-03T11:02:41.5000000+01:00 and ");
        assertThat(state(ODataPoller.NAME).checkpoint()).isEqualTo(Map.of("apiModifiedSince", LAST_VISIBLE));
    }

    @Test
    void changedFileIsANewVersionWhenTheApiShowsTheChangeEvenUnderAnUnchangedGewijzigdOp() throws Exception {
        newPoller().poll();
        byte[] corrected = fixture("odata/resources/" + O1 + ".pdf").clone();
        corrected[corrected.length - 2] = '\n'; // other bytes, same document
        // a new file registered: the document's own GewijzigdOp may stay, its ApiGewijzigdOp moves
        String laterPage = wiremockText("odata/v4-page1.json").replace("2026-11-03T09:15:02.4471234Z", "2026-11-05T07:00:03Z");
        WIREMOCK.stubFor(get(urlPathEqualTo(DOCUMENTS)).withQueryParam("$skiptoken", absent())
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(laterPage).withTransformers("response-template")));
        WIREMOCK.stubFor(get(urlPathEqualTo(DOCUMENTS + "(" + O1 + ")/resource")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(corrected)));

        PollResult second = newPoller().poll();

        assertThat(second.counts()).as("only O1 changed; the others are known at their versions")
                .isEqualTo(new Counts(1, 1, 0, 0, 0));
        List<RawDocument> versions = published().stream()
                .filter(d -> d.documentId().equals("ah-tk-20262027-430")).toList();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).metadata()).containsEntry("version", "2")
                .containsEntry("previousContentSha256", versions.get(0).contentSha256())
                .containsEntry("modified", "2026-11-03T10:15:00.1230000+01:00");
        assertThat(item(ODataPoller.NAME, O1).stamp()).isEqualTo("2026-11-05T07:00:03Z");
        assertThat(state(ODataPoller.NAME).checkpoint()).containsEntry("apiModifiedSince", "2026-11-05T07:00:03Z");
    }

    @Test
    void v5MappingReadsTheRenamedFieldsAcrossItsPagesAndMatchesTheServicesMetadata() throws Exception {
        ODataPoller v5 = v5Poller(Map.of());

        PollResult result = v5.poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(v5.mappingProblems()).isEmpty();
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
    void mappedFieldTheServiceDoesNotHaveIsWarnedAboutAtStartAndThePollGoesOn() throws Exception {
        ODataPoller v5 = v5Poller(Map.of("kamerqa.feeds.odata.mapping.nummer", "Document/DocumentNummer"));

        List<String> warnings = warningsDuring(v5::poll);

        assertThat(v5.mappingProblems()).containsExactly("'Document/DocumentNummer' "
                + "(kamerqa.feeds.odata.mapping.nummer): Document has no property DocumentNummer");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("odata: the v5 mapping names a field")
                .contains("/OData/v5/2.0/$metadata").contains("kamerqa.feeds.odata.mapping.nummer"));
        assertThat(publishedOnce("kst-36600-VII-61").metadata()).doesNotContainKey("documentNummer");
        assertThat(publishedIds()).hasSize(2);
    }

    @Test
    void metadataThatCannotBeReadIsWarnedAboutAndThePollGoesOn() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo("/OData/v4/2.0/$metadata")).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        ODataPoller poller = newPoller();

        List<String> warnings = warningsDuring(poller::poll);

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("could not be checked").contains("HTTP 404"));
        assertThat(poller.mappingProblems()).isEmpty();
        assertThat(publishedIds()).hasSize(4);
        poller.poll();
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/OData/v4/2.0/$metadata"))))
                .as("checked once, at the first poll").hasSize(1);
    }

    @FunctionalInterface
    private interface Poll {
        PollResult run() throws Exception;
    }

    /** The warnings ODataPoller logs while {@code poll} runs; the poll must succeed. */
    private static List<String> warningsDuring(Poll poll) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ODataPoller.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            PollResult result = poll.run();
            assertThat(result.succeeded()).as(result.error()).isTrue();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
