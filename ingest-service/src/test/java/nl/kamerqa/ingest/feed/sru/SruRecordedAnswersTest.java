package nl.kamerqa.ingest.feed.sru;

import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.FeedIntegrationTest;
import nl.kamerqa.ingest.feed.FeedItem;
import nl.kamerqa.ingest.feed.PollResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SRU source on answers recorded from repository.overheid.nl ({@code feeds/__files/sru/recorded}, unchanged),
 * taken as they are: a count that disagrees with the records, repeated positions, item links no client can follow,
 * and records of publications the query did not ask for. No file leaves for the real repository: nothing followed
 * has a link that could be fetched.
 */
class SruRecordedAnswersTest extends FeedIntegrationTest {

    private SruPoller poller() {
        FeedProperties.Sru s = feeds.sru();
        // the recordings are from 2021
        return new SruPoller(new FeedProperties.Sru(true, s.baseUrl(), LocalDate.of(2021, 1, 1), s.publicatienamen(),
                s.kamerstukSoorten(), s.extraQuery(), s.maximumRecords(), s.manifestations(), s.interval(),
                s.initialDelay(), s.politeness()), environment);
    }

    private static void serve(int startRecord, String recording) {
        WIREMOCK.stubFor(get(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo(Integer.toString(startRecord)))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "application/xml; charset=utf-8")
                        .withBodyFile("sru/recorded/" + recording)));
    }

    @Test
    void answerHoldingMoreRecordsThanItsCountIsReadWholeAndUnfetchableLinksFailOnlyTheirRecord() throws Exception {
        serve(1, "integratie-5-records.xml");

        PollResult result = poller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/sru")))).as("5 records past a count of 3")
                .hasSize(1);
        FeedItem answer = item(SruPoller.NAME, "ah-tk-20202021-3235");
        assertThat(answer.outcome()).isEqualTo(FeedItem.Outcome.FAILED);
        assertThat(answer.reason()).contains("xml: not a URL to fetch: http://__MOCK_SERVICE__/repository.overheid.nl/")
                .contains("html: not a URL to fetch").contains("pdf: not a URL to fetch");
        for (String notFollowed : new String[]{"kst-32545-143", "kst-32545-144", "blg-1007826", "blg-1025203"}) {
            assertThat(environment.items().find(SruPoller.NAME, notFollowed)).as("a Motie or Bijlage: " + notFollowed)
                    .isEmpty();
        }
        assertThat(state(SruPoller.NAME).checkpoint())
                .isEqualTo(Map.of("modifiedSince", "2022-04-19", "startRecord", "1"));
        assertThat(publishedIds()).isEmpty();
    }

    @Test
    void firstPageOfARecordedIncrementalQueryIsFollowedToItsNextRecordPosition() throws Exception {
        serve(1, "oep-page-1-of-76.xml");
        serve(11, "record-kst-35842-4.xml");

        PollResult result = poller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/sru"))
                .withQueryParam("startRecord", equalTo("11")))).hasSize(1);
        assertThat(environment.items().find(SruPoller.NAME, "h-tk-20202021-101-5"))
                .as("Handelingen were not asked for").isEmpty();
        assertThat(environment.items().find(SruPoller.NAME, "kst-22112-3185")).as("a Brief is not followed").isEmpty();
        assertThat(state(SruPoller.NAME).checkpoint())
                .isEqualTo(Map.of("modifiedSince", "2021-10-13", "startRecord", "1"));
    }
}
