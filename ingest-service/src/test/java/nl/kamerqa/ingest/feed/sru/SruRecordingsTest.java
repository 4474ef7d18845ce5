package nl.kamerqa.ingest.feed.sru;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.IntakeResult;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.Counts;
import nl.kamerqa.ingest.feed.FeedEnvironment;
import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.FeedItem;
import nl.kamerqa.ingest.feed.FeedItems;
import nl.kamerqa.ingest.feed.FeedMetadata;
import nl.kamerqa.ingest.feed.FeedMetrics;
import nl.kamerqa.ingest.feed.PollResult;
import nl.kamerqa.ingest.feed.SourceState;
import nl.kamerqa.ingest.feed.SourceStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real SRU poller on the answers recorded from repository.overheid.nl ({@code feeds/__files/sru/recorded},
 * unchanged but for their item hosts, pointed at WireMock), following every publication: each record is offered
 * with its id, type and manifestation URLs, whatever the count says, at whatever position the server puts it. No
 * Spring context: the poller with in-memory state, a sink that keeps what it is given, and WireMock.
 */
class SruRecordingsTest {

    private static final String REPOSITORY = "/repository.overheid.nl/frbr/officielepublicaties";

    private WireMockServer wiremock;
    private final List<IncomingDocument> taken = new ArrayList<>();
    private final Map<String, FeedItem> items = new ConcurrentHashMap<>();
    private final Map<String, SourceState> states = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        wiremock = new WireMockServer(options().dynamicPort());
        wiremock.start();
    }

    @AfterEach
    void stop() {
        wiremock.stop();
    }

    @Test
    void everyRecordOfAnAnswerHoldingMoreThanItsCountIsOfferedWithItsIdTypeAndManifestations() throws Exception {
        serve(1, recording("integratie-5-records.xml"));
        serveFile(REPOSITORY + "/ah-tk/20202021/ah-tk-20202021-3235/1/xml/ah-tk-20202021-3235.xml",
                "official/ah-tk-20202021-3235.xml");
        serveFile(REPOSITORY + "/kst/32545/kst-32545-143/1/xml/kst-32545-143.xml", "official/kst-32545-143.xml");

        PollResult result = poller().poll();

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(wiremock.findAll(getRequestedFor(urlPathEqualTo("/sru")))).as("positions 1, 2, 3, 1, 1 of 3")
                .hasSize(1);
        assertThat(taken).extracting(IncomingDocument::documentId)
                .containsExactly("kst-32545-143", "ah-tk-20202021-3235", "kst-32545-144");
        // the source project pointed kst-32545-144's links at kst-32545-143's files: the record is taken as it
        // says; the intake recognises the same bytes as a duplicate
        assertThat(taken.get(2).sourceUrl()).endsWith("/kst-32545-143/1/xml/kst-32545-143.xml");
        IncomingDocument answer = taken.get(1);
        assertThat(answer.sourceUrl()).isEqualTo(base() + REPOSITORY
                + "/ah-tk/20202021/ah-tk-20202021-3235/1/xml/ah-tk-20202021-3235.xml");
        assertThat(answer.metadata()).containsEntry(FeedMetadata.DOCUMENTTYPE, "Antwoord")
                .containsEntry("publicatienaam", "Kamervragen (Aanhangsel)")
                .containsEntry(FeedMetadata.AANHANGSELNUMMER, "3235").containsEntry("manifestation", "xml")
                .containsKeys("url.xml", "url.html", "url.pdf", "url.odt", "url.metadata", "url.metadataowms");
        assertThat(answer.official()).isEqualTo(new OfficialMetadata("ah-tk-20202021-3235",
                "Kamervragen (Aanhangsel)", "Antwoord",
                "Antwoord op vragen van de leden Van Weyenberg, Romke de Jong en Kat over de Tozo", "2020-2021",
                null, null, "3235", "2021Z09739", List.of("S.P.R.A. van Weyenberg", "R.H. (Romke) de Jong", "H. Kat"),
                List.of("W. Koolmees"), null, "2021-06-21", "2021-06-21"));
        assertThat(taken.get(0).official()).satisfies(motie -> {
            assertThat(motie.documentType()).isEqualTo("Motie");
            assertThat(motie.dossier()).isEqualTo("32545");
            assertThat(motie.ondernummer()).isEqualTo("143");
        });
        assertThat(items.get("blg-1007826").reason()).as("a Bijlage has only a pdf")
                .contains("pdf: HTTP 404").doesNotContain("xml:");
        assertThat(items.get("blg-1025203").reason()).contains("pdf: not a URL to fetch: httbroken://");
        assertThat(states.get(SruPoller.NAME).checkpoint())
                .isEqualTo(Map.of("modifiedSince", "2022-04-19", "startRecord", "1"));
    }

    @Test
    void recordedPageIsFollowedToItsNextRecordPositionAndItsSplicedRecordIsRead() throws Exception {
        serve(1, recording("oep-page-1-of-76.xml"));
        serve(11, recording("record-kst-35842-4.xml"));

        assertThat(poller().poll().succeeded()).isTrue();

        assertThat(startRecordsAsked()).containsExactly("1", "11");
        assertThat(items).containsOnlyKeys("blg-998035", "h-ek-20212022-2-7", "h-tk-20202021-101-5", "blg-1000226",
                "blg-998029", "kst-22112-3185", "blg-999984", "blg-1000150", "h-tk-20202021-100-4",
                "h-ek-20212022-2-1", "kst-35842-4");
    }

    @Test
    void estimatedCountBelowTheNextRecordPositionDoesNotEndThePoll() throws Exception {
        // the repository's counts are estimates: page 1 of a query may say fewer than the page after it starts at
        serve(1, recording("oep-page-1-of-76.xml").replace("<sru:numberOfRecords>76<", "<sru:numberOfRecords>10<"));
        serve(11, recording("record-kst-35842-4.xml"));

        assertThat(poller().poll().succeeded()).isTrue();

        assertThat(startRecordsAsked()).containsExactly("1", "11");
        assertThat(items).containsKey("kst-35842-4");
    }

    @Test
    void withoutNextRecordPositionTheNextPageStartsAfterTheHighestPositionNotAfterTheRecordsCounted() throws Exception {
        // ten records at positions 1-9 and a spliced 3: counting them would skip position 10
        serve(1, recording("oep-page-1-of-76.xml").replaceFirst("\\s*<sru:nextRecordPosition>11</sru:nextRecordPosition>",
                ""));
        serve(10, recording("record-kst-35842-4.xml"));

        assertThat(poller().poll().succeeded()).isTrue();

        assertThat(startRecordsAsked()).containsExactly("1", "10");
    }

    @Test
    void recordedPageSaysItsCountIsAnEstimateAndWhereEachRecordSits() throws Exception {
        SruResponse page = SruResponseParser.parse(bytes("oep-page-1-of-76.xml"));

        assertThat(page.resultCountPrecision()).isEqualTo("estimate");
        assertThat(page.records()).extracting(SruRecord::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 3);
        assertThat(SruResponseParser.parse(bytes("integratie-5-records.xml")).records())
                .extracting(SruRecord::position).containsExactly(1, 2, 3, 1, 1);
    }

    @Test
    void bareRecordsAreReadAsRecordsButNotAsAnswers() throws Exception {
        SruRecord bijlage = SruResponseParser.parseRecord(bytes("record-bijlage.fragment.xml"));
        assertThat(bijlage.identifier()).isEqualTo("blg-936562");
        assertThat(bijlage.first("type")).isEqualTo("Bijlage");
        assertThat(bijlage.position()).as("cut with its position").isEqualTo(1);
        SruRecord handeling = SruResponseParser.parseRecord(bytes("record-handeling.fragment.xml"));
        assertThat(handeling.first("publicatienaam")).isEqualTo("Handelingen");
        assertThat(handeling.itemUrls()).containsKey("xml");
        SruRecord question = SruResponseParser.parseRecord(bytes("record-kv-onopgemaakt.fragment.xml"));
        assertThat(RegisterMetadata.of(question)).satisfies(kv -> {
            assertThat(kv.identifier()).isEqualTo("kv-2989900822");
            assertThat(kv.publicationName()).isEqualTo("Kamervragen zonder antwoord");
            assertThat(kv.vraagnummer()).isEqualTo("2989900822");
            assertThat(kv.indieners()).containsExactly("Atsma");
            assertThat(kv.datumIndiening()).isEqualTo("1998-09-28");
        });
        assertThatThrownBy(() -> SruResponseParser.parse(bytes("record-bijlage.fragment.xml")))
                .isInstanceOf(FeedException.class).hasMessageContaining("the root is <record>");
    }

    private SruPoller poller() {
        FeedProperties.Politeness politeness = new FeedProperties.Politeness(Duration.ZERO, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1, Duration.ofMillis(1), Duration.ofMillis(5));
        // every publication and every kind is followed, so every record is offered
        FeedProperties.Sru settings = new FeedProperties.Sru(true, URI.create(base() + "/sru"),
                LocalDate.of(2021, 1, 1), List.of(), List.of(), "", 10, List.of("xml", "html", "pdf"),
                Duration.ofHours(1), Duration.ofHours(1), politeness);
        return new SruPoller(settings, new FeedEnvironment(this::take, new MemoryStates(), new MemoryItems(),
                new FeedMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), 10_000_000, "kamerqa-test/1.0"));
    }

    private IntakeResult take(IncomingDocument document) {
        taken.add(document);
        return new IntakeResult(document.documentId(), "sha", "application/xml", IntakeResult.Status.ACCEPTED);
    }

    private String base() {
        return "http://localhost:" + wiremock.port();
    }

    /** A recording with its item links (rewritten by the source project, or real) pointed at WireMock. */
    private String recording(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8)
                .replace("http://__MOCK_SERVICE__/repository.overheid.nl/", base() + "/repository.overheid.nl/")
                .replace("https://repository.overheid.nl/", base() + "/repository.overheid.nl/");
    }

    private static byte[] bytes(String name) {
        try (InputStream in = SruRecordingsTest.class.getResourceAsStream("/feeds/__files/sru/recorded/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(int startRecord, String body) {
        wiremock.stubFor(get(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo(Integer.toString(startRecord)))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml; charset=utf-8").withBody(body)));
    }

    private void serveFile(String path, String file) {
        wiremock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse()
                .withHeader("Content-Type", "application/xml").withBody(bytes(file))));
    }

    private List<String> startRecordsAsked() {
        return wiremock.findAll(getRequestedFor(urlPathEqualTo("/sru"))).stream()
                .map(r -> r.queryParameter("startRecord").firstValue()).toList();
    }

    private final class MemoryItems implements FeedItems {
        @Override
        public Optional<FeedItem> find(String source, String key) {
            return Optional.ofNullable(items.get(key));
        }

        @Override
        public void record(FeedItem item) {
            items.put(item.key(), item);
        }
    }

    private final class MemoryStates implements SourceStates {
        @Override
        public SourceState load(String source) {
            return states.getOrDefault(source, SourceState.empty(source));
        }

        @Override
        public List<SourceState> all() {
            return List.copyOf(states.values());
        }

        @Override
        public void saveProgress(String source, Map<String, String> checkpoint, Counts delta) {
            if (checkpoint != null) {
                states.put(source, new SourceState(source, checkpoint, null, null, null, null));
            }
        }

        @Override
        public void recordSuccess(String source, Instant at) {
        }

        @Override
        public void recordError(String source, String message, Instant at) {
        }
    }
}
