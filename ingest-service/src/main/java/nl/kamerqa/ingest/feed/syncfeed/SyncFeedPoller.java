package nl.kamerqa.ingest.feed.syncfeed;

import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.FeedEnvironment;
import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.FeedMetadata;
import nl.kamerqa.ingest.feed.FeedPoller;
import nl.kamerqa.ingest.feed.ItemFailedException;
import nl.kamerqa.ingest.feed.OfficialIds;
import nl.kamerqa.ingest.feed.PoliteHttpClient;
import nl.kamerqa.ingest.feed.PoliteHttpClient.Response;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPage.Entity;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPage.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows the Tweede Kamer SyncFeed: Atom pages of entity versions, each entry with a link to the page that
 * starts after it. The checkpoint is that entry-level skiptoken, saved after every entry, so a restart resumes at
 * the next entry (and a crash re-reads at most the entry it was in, which the item ledger and the content ledger
 * then recognise). Entries have no change id: an entity version is (GUID, bijgewerkt).
 *
 * <p>Documents of the followed soorten are fetched from their enclosure; {@code verwijderd} entries are recorded as
 * deletions without fetching anything; an enclosure that answers 404 or, after the retries, 500 (how the SyncFeed
 * answers for a file it does not have) fails that entry only. A caught-up page has no entries and no
 * {@code next}, only a {@code resume} link: its skiptoken becomes the checkpoint.
 */
public class SyncFeedPoller extends FeedPoller {

    public static final String NAME = "syncfeed";
    static final String SKIPTOKEN = "skiptoken";

    private static final Logger log = LoggerFactory.getLogger(SyncFeedPoller.class);
    private static final long PAGE_LIMIT = 64L * 1024 * 1024;
    private static final String ATOM_ACCEPT = "application/atom+xml, application/xml;q=0.9";

    private final FeedProperties.SyncFeed settings;
    private final PoliteHttpClient http;
    private final Set<String> soorten;
    private final Map<String, Optional<String>> dossiers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > 10_000;
        }
    };

    public SyncFeedPoller(FeedProperties.SyncFeed settings, FeedEnvironment env) {
        super(NAME, settings, env);
        this.settings = settings;
        this.http = new PoliteHttpClient(NAME, settings.politeness(), env.userAgent(), env.metrics(), env.clock());
        this.soorten = settings.soorten().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String describe() {
        return feedUrl(settings.startSkiptoken()) + " (soorten " + settings.soorten() + ")";
    }

    @Override
    protected void pass(PollRun run) throws FeedException, InterruptedException {
        String requested = run.checkpoint().getOrDefault(SKIPTOKEN, settings.startSkiptoken());
        URI url = feedUrl(requested);
        while (true) {
            checkInterrupted();
            Response response = http.get(url, ATOM_ACCEPT, PAGE_LIMIT);
            if (!response.ok() || response.truncated()) {
                throw new FeedException("SyncFeed page " + (response.truncated() ? "too large: " + url
                        : "unavailable: " + response.describe()));
            }
            SyncFeedPage page = SyncFeedParser.parse(response.body());
            for (Entry entry : page.entries()) {
                checkInterrupted();
                handle(entry, run, response.uri());
                String after = skiptoken(entry.next());
                if (after != null) {
                    run.checkpoint(checkpointOf(SKIPTOKEN, after));
                }
            }
            String next = skiptoken(page.next());
            if (page.entries().isEmpty() || next == null || next.equals(requested)) {
                // the last page: the next poll asks where a caught-up page says to resume, else for the same
                // skiptoken, and sees what came since
                String resume = skiptoken(page.resume());
                if (resume != null && !resume.equals(run.checkpoint().get(SKIPTOKEN))) {
                    run.checkpoint(checkpointOf(SKIPTOKEN, resume));
                }
                return;
            }
            if (!next.equals(run.checkpoint().get(SKIPTOKEN))) {
                // entries without entry-level links: the page as a whole is done
                run.checkpoint(checkpointOf(SKIPTOKEN, next));
            }
            requested = next;
            url = response.uri().resolve(page.next());
        }
    }

    private void handle(Entry entry, PollRun run, URI page) throws FeedException, InterruptedException {
        Entity entity = entry.entity();
        if (entity == null || !"document".equalsIgnoreCase(entity.type())) {
            return;
        }
        String key = entity.id() != null ? entity.id() : entry.title();
        String stamp = entity.bijgewerkt() != null ? entity.bijgewerkt() : entry.updated();
        if (entity.deleted()) {
            run.deleted(key, stamp);
            return;
        }
        String soort = entity.field("soort");
        if (!soorten.isEmpty() && (soort == null || !soorten.contains(soort.toLowerCase(Locale.ROOT)))) {
            return;
        }
        if (entry.enclosure() == null) {
            // no file yet; registering it changes bijgewerkt, and the entry comes again
            log.debug("{}: document {} ({}) has no file yet", NAME, key, soort);
            return;
        }
        run.offer(key, stamp, () -> fetch(entry, entity, page));
    }

    private IncomingDocument fetch(Entry entry, Entity entity, URI page)
            throws FeedException, ItemFailedException, InterruptedException {
        URI enclosure = PoliteHttpClient.resolve(page, entry.enclosure())
                .orElseThrow(() -> new ItemFailedException("enclosure is not a URL to fetch: " + entry.enclosure()));
        // a missing file is answered with 500, retried, and then fails this entry only
        Response file = http.getAnswer(enclosure, "*/*", env.maxDocumentSize());
        if (!file.ok()) {
            throw new ItemFailedException("enclosure " + file.describe());
        }
        if (file.truncated()) {
            throw new ItemFailedException("enclosure " + enclosure + " is larger than the limit of "
                    + env.maxDocumentSize() + " bytes (kamerqa.ingest.max-document-size)");
        }
        String dossier = dossier(entity, page);
        String volgnummer = positive(entity.field("volgnummer"));
        String officialId = Optional.ofNullable(OfficialIds.aanhangsel(entity.field("aanhangselnummer"),
                        entity.field("vergaderjaar")))
                .orElseGet(() -> OfficialIds.kamerstukInDossier(dossier, volgnummer));
        Map<String, String> metadata = FeedMetadata.builder()
                .put(FeedMetadata.SOURCE_ID, entity.id())
                .put(FeedMetadata.OFFICIAL_ID, officialId)
                .put(FeedMetadata.DOCUMENTTYPE, entity.field("soort"))
                .put(FeedMetadata.TITLE, entity.field("titel"))
                .put("onderwerp", entity.field("onderwerp"))
                .put("documentNummer", entity.field("documentNummer"))
                .put(FeedMetadata.DATE, entity.field("datum"))
                .put(FeedMetadata.VERGADERJAAR, entity.field("vergaderjaar"))
                .put(FeedMetadata.DOSSIER, dossier)
                .put(FeedMetadata.ONDERNUMMER, dossier == null ? null : volgnummer)
                .put(FeedMetadata.AANHANGSELNUMMER, entity.field("aanhangselnummer"))
                .put("zaak", String.join(" ", entity.refs().getOrDefault("zaak", java.util.List.of())))
                .put("kamerstukdossierRef", entity.ref("kamerstukdossier"))
                .put(FeedMetadata.MODIFIED, entity.bijgewerkt())
                .put(FeedMetadata.FEED_URL, page.toString())
                .build();
        String declared = Optional.ofNullable(entity.attributes().get("contentType")).orElse(file.contentType());
        return new IncomingDocument(NAME, file.body(), null, declared, file.uri().toString(),
                entity.field("titel"), officialId, metadata, true);
    }

    /** The document's dossier ({@code 36200-VII}) looked up through its kamerstukdossier ref; cached. */
    private String dossier(Entity entity, URI page) throws FeedException, InterruptedException {
        String ref = entity.ref("kamerstukdossier");
        if (ref == null || !settings.resolveDossiers()) {
            return null;
        }
        Optional<String> known = dossiers.get(ref);
        if (known != null) {
            return known.orElse(null);
        }
        URI url = settings.baseUrl().resolve("Entiteiten/" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
        Response response = http.get(url, ATOM_ACCEPT, 1024 * 1024);
        Optional<String> dossier = Optional.empty();
        if (response.ok()) {
            Entity d = SyncFeedParser.parseEntity(response.body());
            dossier = Optional.ofNullable(OfficialIds.dossier(d.field("nummer"), d.field("toevoeging")));
        } else {
            log.warn("{}: Kamerstukdossier {} could not be looked up ({}); its documents get no kst- id",
                    NAME, ref, response.describe());
        }
        dossiers.put(ref, dossier);
        return dossier.orElse(null);
    }

    private static String positive(String number) {
        if (number == null) {
            return null;
        }
        try {
            return Integer.parseInt(number.strip()) > 0 ? number.strip() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    URI feedUrl(String skiptoken) {
        String query = "Feed?category=" + URLEncoder.encode(settings.category(), StandardCharsets.UTF_8)
                + (skiptoken == null || skiptoken.isBlank() ? ""
                : "&skiptoken=" + URLEncoder.encode(skiptoken, StandardCharsets.UTF_8));
        return settings.baseUrl().resolve(query);
    }

    /** The skiptoken in a next link ({@code ...Feed?skiptoken=123&category=Document}), or null. */
    static String skiptoken(String href) {
        if (href == null) {
            return null;
        }
        int q = href.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : href.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(SKIPTOKEN)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
