package nl.kamerqa.ingest.feed;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.ingest.config.FeedProperties.Politeness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Manners of the feeds' HTTP client; waits are recorded instead of slept, attempts read from WireMock's journal. */
class PoliteHttpClientTest {

    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

    static {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    private final List<Duration> waits = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedMetrics metrics = new FeedMetrics(registry);

    @BeforeEach
    void reset() {
        SERVER.resetAll();
    }

    private PoliteHttpClient client(Politeness politeness) {
        return new PoliteHttpClient("test", politeness, "kamerqa-test/1.0 (feeds@example.org)", metrics,
                Clock.systemUTC(), waits::add, () -> 0.5);
    }

    private static Politeness politeness(Duration pause, int maxAttempts, Duration backoff, Duration maxBackoff) {
        return new Politeness(pause, Duration.ofSeconds(2), Duration.ofSeconds(2), maxAttempts, backoff, maxBackoff);
    }

    private static URI uri(String path) {
        return URI.create(SERVER.baseUrl() + path);
    }

    private static void scenario(String path, int... statuses) {
        String state = "Started";
        for (int i = 0; i < statuses.length; i++) {
            String next = "step" + (i + 1);
            SERVER.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(aResponse().withStatus(statuses[i]).withBody(statuses[i] >= 400 ? "<Error><Message>busy "
                            + i + "</Message></Error>" : "ok")));
            state = next;
        }
    }

    private double retries() {
        return registry.get(FeedMetrics.RETRIES).tag("feed", "test").counter().count();
    }

    @Test
    void serverErrorsAreRetriedWithExponentiallyGrowingJitteredWaits() throws Exception {
        scenario("/page", 503, 500, 502, 200);

        PoliteHttpClient.Response response = client(politeness(Duration.ZERO, 5, Duration.ofSeconds(1),
                Duration.ofMinutes(1))).get(uri("/page"), "application/xml", 1000);

        assertThat(response.ok()).isTrue();
        assertThat(new String(response.body())).isEqualTo("ok");
        assertThat(SERVER.findAll(getRequestedFor(urlEqualTo("/page")))).hasSize(4);
        // base 1 s doubled per attempt; with the random half at 0.5: 0.75, 1.5, 3 s
        assertThat(waits).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500), Duration.ofMillis(3000));
        assertThat(retries()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsWaitsAtLeastWhatRetryAfterSaysWithinTheCap() throws Exception {
        SERVER.stubFor(get(urlEqualTo("/busy")).inScenario("429").whenScenarioStateIs("Started").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        SERVER.stubFor(get(urlEqualTo("/busy")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));

        client(politeness(Duration.ZERO, 3, Duration.ofMillis(10), Duration.ofMinutes(5))).get(uri("/busy"), "*/*", 10);
        client(politeness(Duration.ZERO, 3, Duration.ofMillis(10), Duration.ofSeconds(20))).get(uri("/busy"), "*/*", 10);

        assertThat(waits).containsExactly(Duration.ofSeconds(30));
        SERVER.resetScenarios();
        waits.clear();
        client(politeness(Duration.ZERO, 3, Duration.ofMillis(10), Duration.ofSeconds(20))).get(uri("/busy"), "*/*", 10);
        assertThat(waits).as("capped by max-backoff").containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void notFoundIsReturnedWithoutRetrying() throws Exception {
        SERVER.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"No HTTP resource was found\"}")));

        PoliteHttpClient.Response response = client(politeness(Duration.ZERO, 4, Duration.ofMillis(1),
                Duration.ofMillis(5))).get(uri("/gone"), "*/*", 1000);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.describe()).contains("HTTP 404").contains("No HTTP resource was found");
        assertThat(SERVER.findAll(getRequestedFor(urlEqualTo("/gone")))).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void persistentErrorsGiveUpAfterMaxAttemptsSayingWhatTheServerSaid() {
        SERVER.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)
                .withBody("<?xml version=\"1.0\"?><Error><Message>An error has occurred.</Message></Error>")));

        assertThatThrownBy(() -> client(politeness(Duration.ZERO, 3, Duration.ofMillis(1), Duration.ofMillis(5)))
                .get(uri("/down"), "*/*", 1000))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("An error has occurred.")
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(SERVER.findAll(getRequestedFor(urlEqualTo("/down")))).hasSize(3);
    }

    @Test
    void persistentServerErrorForAFileIsReturnedAfterTheRetriesSoOnlyThatItemFails() throws Exception {
        SERVER.stubFor(get(urlEqualTo("/Resources/missing")).willReturn(aResponse().withStatus(500)
                .withBody("<?xml version=\"1.0\"?><Error><Message>An error has occurred.</Message></Error>")));

        PoliteHttpClient.Response response = client(politeness(Duration.ZERO, 3, Duration.ofMillis(1),
                Duration.ofMillis(5))).getAnswer(uri("/Resources/missing"), "*/*", 1000);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.describe()).contains("An error has occurred.");
        assertThat(SERVER.findAll(getRequestedFor(urlEqualTo("/Resources/missing")))).as("retried first").hasSize(3);
    }

    @Test
    void persistentThrottlingOfAFileStillFailsThePoll() {
        SERVER.stubFor(get(urlEqualTo("/Resources/busy")).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> client(politeness(Duration.ZERO, 2, Duration.ofMillis(1), Duration.ofMillis(5)))
                .getAnswer(uri("/Resources/busy"), "*/*", 1000))
                .isInstanceOf(FeedException.class).hasMessageContaining("HTTP 429")
                .hasMessageContaining("gave up after 2 attempts");
    }

    @Test
    void linksNoClientCanFollowResolveToNothing() {
        URI page = URI.create("https://repository.overheid.nl/sru?query=x");

        assertThat(PoliteHttpClient.resolve(page, "/frbr/kst-1.pdf"))
                .hasValue(URI.create("https://repository.overheid.nl/frbr/kst-1.pdf"));
        assertThat(PoliteHttpClient.resolve(page, "http://__MOCK_SERVICE__/repository.overheid.nl/frbr/a.pdf"))
                .as("a host with underscores is no host").isEmpty();
        assertThat(PoliteHttpClient.resolve(page, "httbroken://repository.overheid.nl/frbr/a.pdf")).isEmpty();
        assertThat(PoliteHttpClient.resolve(page, "https://host/with space")).isEmpty();
    }

    @Test
    void timeoutsAreRetried() {
        SERVER.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        Politeness quick = new Politeness(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(200), 2,
                Duration.ofMillis(1), Duration.ofMillis(5));

        assertThatThrownBy(() -> client(quick).get(uri("/slow"), "*/*", 10))
                .isInstanceOf(FeedException.class).hasMessageContaining("no answer from")
                .hasMessageContaining("gave up after 2 attempts");
        // WireMock journals a request once its (delayed) answer is written
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(SERVER.findAll(getRequestedFor(urlEqualTo("/slow")))).hasSize(2));
    }

    @Test
    void everyRequestCarriesTheUserAgentAndWaitsThePauseAfterThePreviousOne() throws Exception {
        SERVER.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(200)));
        PoliteHttpClient client = client(politeness(Duration.ofHours(1), 1, Duration.ZERO, Duration.ZERO));

        client.get(uri("/a"), "application/atom+xml", 10);
        client.get(uri("/a"), "application/atom+xml", 10);

        assertThat(SERVER.findAll(getRequestedFor(urlEqualTo("/a"))
                .withHeader("User-Agent", equalTo("kamerqa-test/1.0 (feeds@example.org)"))
                .withHeader("Accept", equalTo("application/atom+xml")))).hasSize(2);
        assertThat(waits).as("no pause before the first request, nearly the whole pause before the second")
                .singleElement().satisfies(w -> assertThat(w).isBetween(Duration.ofMinutes(59), Duration.ofHours(1)));
    }

    @Test
    void bodiesLongerThanTheLimitAreCutAndMarked() throws Exception {
        SERVER.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody(new byte[2048])));

        PoliteHttpClient.Response response = client(politeness(Duration.ZERO, 1, Duration.ZERO, Duration.ZERO))
                .get(uri("/big"), "*/*", 1024);

        assertThat(response.truncated()).isTrue();
        assertThat(response.body().length).isEqualTo(1025);
    }

    @Test
    void backoffDoublesPerAttemptUpToTheCapWithTheUpperHalfRandom() {
        Duration base = Duration.ofSeconds(2);
        Duration cap = Duration.ofSeconds(10);
        assertThat(PoliteHttpClient.backoff(1, base, cap, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PoliteHttpClient.backoff(1, base, cap, 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PoliteHttpClient.backoff(2, base, cap, 1.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(PoliteHttpClient.backoff(3, base, cap, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(PoliteHttpClient.backoff(10, base, cap, 1.0)).isEqualTo(cap);
        assertThat(PoliteHttpClient.backoff(60, base, cap, 0.0)).isEqualTo(Duration.ofSeconds(5));
    }
}
