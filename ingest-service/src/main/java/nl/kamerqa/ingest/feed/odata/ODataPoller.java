package nl.kamerqa.ingest.feed.odata;

import nl.kamerqa.ingest.DocumentIds;
import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.config.FeedProperties.ODataMapping;
import nl.kamerqa.ingest.feed.FeedEnvironment;
import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.FeedMetadata;
import nl.kamerqa.ingest.feed.FeedPoller;
import nl.kamerqa.ingest.feed.ItemFailedException;
import nl.kamerqa.ingest.feed.OfficialIds;
import nl.kamerqa.ingest.feed.PoliteHttpClient;
import nl.kamerqa.ingest.feed.PoliteHttpClient.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows the Tweede Kamer OData service: the followed soorten ordered by the time their change became visible
 * in the API, from the checkpoint on ({@code ApiGewijzigdOp ge <checkpoint>}), through the server's pages of 250
 * via {@code @odata.nextLink} (no {@code $top}, which would switch the links off). {@code GewijzigdOp} is the
 * source system's time: a change that reaches the API late carries an old one, so polling on it would miss the
 * change. The checkpoint is the ApiGewijzigdOp of the last item handled, saved after every item; items sharing
 * that time are read again after a restart and recognised in the item ledger. The file comes from
 * {@code Document(<id>)/resource}; its declared ContentType is not trusted (Word files are served as PDF shortly
 * after registration): the intake sniffs the bytes.
 *
 * <p>At its first poll the poller checks the mapping against the service's {@code $metadata} and warns about
 * every mapped field the service does not have; it polls all the same.
 */
public class ODataPoller extends FeedPoller {

    public static final String NAME = "odata";
    static final String API_MODIFIED_SINCE = "apiModifiedSince";
    /**
     * The checkpoint before the poll moved to ApiGewijzigdOp: a GewijzigdOp. The API shows a change no earlier
     * than it was made, so as an ApiGewijzigdOp bound it re-reads a little and misses nothing.
     */
    static final String LEGACY_MODIFIED_SINCE = "modifiedSince";

    private static final Logger log = LoggerFactory.getLogger(ODataPoller.class);
    private static final long PAGE_LIMIT = 64L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeedProperties.OData settings;
    private final ODataMapping mapping;
    private final PoliteHttpClient http;
    private final Set<String> soorten;
    private volatile List<String> mappingProblems;

    public ODataPoller(FeedProperties.OData settings, FeedEnvironment env) {
        super(NAME, settings, env);
        this.settings = settings;
        this.mapping = settings.effectiveMapping();
        this.http = new PoliteHttpClient(NAME, settings.politeness(), env.userAgent(), env.metrics(), env.clock());
        this.soorten = settings.soorten().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String describe() {
        return settings.baseUrl() + mapping.entitySet() + " (" + settings.version() + ", soorten " + settings.soorten()
                + ")";
    }

    @Override
    protected void pass(PollRun run) throws FeedException, InterruptedException {
        if (mappingProblems == null) {
            mappingProblems = checkMapping();
        }
        Map<String, String> checkpoint = run.checkpoint();
        String since = checkpoint.getOrDefault(API_MODIFIED_SINCE,
                checkpoint.getOrDefault(LEGACY_MODIFIED_SINCE, settings.since().toString()));
        URI url = firstPage(since);
        while (url != null) {
            checkInterrupted();
            Response response = http.get(url, "application/json", PAGE_LIMIT);
            if (!response.ok() || response.truncated()) {
                throw new FeedException("OData page " + (response.truncated() ? "too large: " + url
                        : "unavailable: " + response.describe()));
            }
            JsonNode page = parse(response);
            for (JsonNode item : page.path("value")) {
                checkInterrupted();
                handle(item, run, response.uri());
                String visible = ODataPaths.first(item, mapping.watermark());
                if (visible != null && later(visible, run.checkpoint().get(API_MODIFIED_SINCE))) {
                    run.checkpoint(checkpointOf(API_MODIFIED_SINCE, visible));
                }
            }
            JsonNode next = page.get("@odata.nextLink");
            url = next == null || next.isNull() ? null : response.uri().resolve(next.asString());
        }
    }

    private void handle(JsonNode item, PollRun run, URI page) throws FeedException, InterruptedException {
        String key = ODataPaths.first(item, mapping.id());
        // the version is when the API showed the change: a late change with an old GewijzigdOp is still new
        String stamp = Optional.ofNullable(ODataPaths.first(item, mapping.watermark()))
                .or(() -> Optional.ofNullable(ODataPaths.first(item, mapping.modified()))).orElse("");
        if (key == null) {
            throw new FeedException("OData item without " + mapping.id() + " on " + page
                    + "; check kamerqa.feeds.odata.version and mapping");
        }
        if ("true".equalsIgnoreCase(ODataPaths.first(item, mapping.deleted()))) {
            run.deleted(key, stamp);
            return;
        }
        String soort = ODataPaths.first(item, mapping.soort());
        if (!soorten.isEmpty() && (soort == null || !soorten.contains(soort.toLowerCase(Locale.ROOT)))) {
            return;
        }
        run.offer(key, stamp, () -> fetch(key, item, page));
    }

    private IncomingDocument fetch(String key, JsonNode item, URI page)
            throws FeedException, ItemFailedException, InterruptedException {
        URI resource = settings.baseUrl().resolve(mapping.resource().replace("{id}",
                URLEncoder.encode(key, StandardCharsets.UTF_8)));
        Response file = http.get(resource, "*/*", env.maxDocumentSize());
        if (!file.ok()) {
            throw new ItemFailedException("resource " + file.describe());
        }
        if (file.truncated()) {
            throw new ItemFailedException("resource " + resource + " is larger than the limit of "
                    + env.maxDocumentSize() + " bytes (kamerqa.ingest.max-document-size)");
        }
        List<String> dossiers = dossiers(item);
        String volgnummer = ODataPaths.first(item, mapping.volgnummer());
        String vergaderjaar = ODataPaths.first(item, mapping.vergaderjaar());
        String aanhangselnummer = ODataPaths.first(item, mapping.aanhangselnummer());
        String officialId = officialId(ODataPaths.values(item, mapping.externeIdentifier()), aanhangselnummer,
                vergaderjaar, dossiers, volgnummer);
        String titel = ODataPaths.first(item, mapping.titel());
        Map<String, String> metadata = FeedMetadata.builder()
                .put(FeedMetadata.SOURCE_ID, key)
                .put(FeedMetadata.OFFICIAL_ID, officialId)
                .put(FeedMetadata.DOCUMENTTYPE, ODataPaths.first(item, mapping.soort()))
                .put(FeedMetadata.TITLE, titel)
                .put("onderwerp", ODataPaths.first(item, mapping.onderwerp()))
                .put("documentNummer", ODataPaths.first(item, mapping.nummer()))
                .put(FeedMetadata.DATE, ODataPaths.first(item, mapping.datum()))
                .put(FeedMetadata.VERGADERJAAR, vergaderjaar)
                .put(FeedMetadata.DOSSIER, String.join("; ", dossiers))
                .put(FeedMetadata.ONDERNUMMER, dossiers.isEmpty() ? null : positive(volgnummer))
                .put(FeedMetadata.AANHANGSELNUMMER, aanhangselnummer)
                .put(FeedMetadata.INDIENER, ODataPaths.joined(item, mapping.indiener()))
                .put(FeedMetadata.PARTY, ODataPaths.joined(item, mapping.fractie()))
                .put(FeedMetadata.MODIFIED, ODataPaths.first(item, mapping.modified()))
                .put(FeedMetadata.FEED_URL, page.toString())
                .build();
        String declared = Optional.ofNullable(ODataPaths.first(item, mapping.contentType())).orElse(file.contentType());
        return new IncomingDocument(NAME, file.body(), null, declared, file.uri().toString(), titel, officialId,
                metadata, true);
    }

    /** The ExterneIdentifier when it is an officielebekendmakingen id, else one derived from the fields. */
    private static String officialId(List<String> externeIdentifiers, String aanhangselnummer, String vergaderjaar,
                                     List<String> dossiers, String volgnummer) {
        for (String candidate : externeIdentifiers) {
            if (DocumentIds.isOfficial(candidate)) {
                return candidate;
            }
        }
        String ah = OfficialIds.aanhangsel(aanhangselnummer, vergaderjaar);
        return ah != null ? ah : OfficialIds.kamerstukInDossiers(dossiers, volgnummer);
    }

    /** The item's dossiers ({@code 36600-XIV}), each from the Nummer and Toevoeging of one Kamerstukdossier. */
    private List<String> dossiers(JsonNode item) {
        return ODataPaths.rows(item, mapping.dossierNummer(), mapping.dossierToevoeging()).stream()
                .map(row -> OfficialIds.dossier(row.get(0), row.get(1)))
                .filter(Objects::nonNull).distinct().toList();
    }

    /** The mapped fields the service's $metadata lacks, each logged once; empty when all are there or unknown. */
    private List<String> checkMapping() throws InterruptedException {
        URI url = settings.baseUrl().resolve("$metadata");
        try {
            Response response = http.get(url, "application/xml", PAGE_LIMIT);
            if (!response.ok()) {
                log.warn("{}: the field mapping could not be checked, $metadata answered {}", NAME, response.describe());
                return List.of();
            }
            List<String> missing = ODataMetadata.parse(response.body()).missing(mapping);
            for (String field : missing) {
                log.warn("{}: the {} mapping names a field {} does not have: {}; items will lack it until the "
                        + "mapping is overridden", NAME, settings.version(), url, field);
            }
            return missing;
        } catch (FeedException e) {
            log.warn("{}: the field mapping could not be checked against {}: {}", NAME, url, e.getMessage());
            return List.of();
        }
    }

    /** What the start-up check of the mapping against $metadata found missing; null before the first poll. */
    List<String> mappingProblems() {
        return mappingProblems;
    }

    private URI firstPage(String since) {
        StringBuilder filter = new StringBuilder(mapping.watermark()).append(" ge ").append(since);
        if (!soorten.isEmpty()) {
            filter.append(" and (").append(settings.soorten().stream()
                            .map(s -> mapping.soort() + " eq '" + s.replace("'", "''") + "'")
                            .collect(Collectors.joining(" or ")))
                    .append(')');
        }
        StringBuilder query = new StringBuilder(mapping.entitySet())
                .append("?$filter=").append(encode(filter.toString()))
                .append("&$orderby=").append(encode(mapping.watermark() + "," + mapping.id()));
        if (mapping.expand() != null && !mapping.expand().isBlank()) {
            query.append("&$expand=").append(encode(mapping.expand()));
        }
        return settings.baseUrl().resolve(query.toString());
    }

    private static JsonNode parse(Response response) throws FeedException {
        try {
            JsonNode page = JSON.readTree(response.body());
            if (page.has("error")) {
                JsonNode message = page.path("error").path("message");
                throw new FeedException("OData error from " + response.uri() + ": "
                        + (message.isString() ? message.asString() : page.path("error").toString()));
            }
            if (!page.path("value").isArray()) {
                throw new FeedException("OData answer from " + response.uri() + " has no 'value' list");
            }
            return page;
        } catch (JacksonException e) {
            throw new FeedException("malformed OData page from " + response.uri() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** True when {@code candidate} is after {@code current} (either may be unparsable; then by text). */
    static boolean later(String candidate, String current) {
        if (current == null) {
            return true;
        }
        try {
            return instant(candidate).isAfter(instant(current));
        } catch (DateTimeParseException e) {
            return candidate.compareTo(current) > 0;
        }
    }

    private static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(s);
        }
    }

    private static String positive(String number) {
        try {
            return number != null && Integer.parseInt(number.strip()) > 0 ? number.strip() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
