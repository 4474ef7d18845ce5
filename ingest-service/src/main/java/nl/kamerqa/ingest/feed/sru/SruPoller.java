package nl.kamerqa.ingest.feed.sru;

import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.FeedEnvironment;
import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.FeedMetadata;
import nl.kamerqa.ingest.feed.FeedPoller;
import nl.kamerqa.ingest.feed.ItemFailedException;
import nl.kamerqa.ingest.feed.PoliteHttpClient;
import nl.kamerqa.ingest.feed.PoliteHttpClient.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows the officielebekendmakingen SRU repository: records modified since the checkpoint date, ascending, a
 * page of {@code maximumRecords} at a time while the server gives a {@code nextRecordPosition} (see {@link #next}). The checkpoint is the poll's date and
 * the start of the page being read, saved after every page, so a crash re-reads at most one page (its records
 * are recognised in the item ledger); a finished poll moves the date to the latest modification seen.
 *
 * <p>Of a record's {@code itemUrl}s the most preferred present is fetched (xml, then html, then pdf by default),
 * falling back to the next one when it fails; many records have no xml.
 */
public class SruPoller extends FeedPoller {

    public static final String NAME = "sru";
    static final String MODIFIED_SINCE = "modifiedSince";
    static final String START_RECORD = "startRecord";

    private static final long PAGE_LIMIT = 64L * 1024 * 1024;
    private static final String KAMERSTUK = "kamerstuk";

    private final FeedProperties.Sru settings;
    private final PoliteHttpClient http;
    private final List<String> kamerstukSoorten;
    private final Set<String> publicatienamen;

    public SruPoller(FeedProperties.Sru settings, FeedEnvironment env) {
        super(NAME, settings, env);
        this.settings = settings;
        this.http = new PoliteHttpClient(NAME, settings.politeness(), env.userAgent(), env.metrics(), env.clock());
        this.kamerstukSoorten = settings.kamerstukSoorten().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .toList();
        this.publicatienamen = settings.publicatienamen().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String describe() {
        return settings.baseUrl() + " (" + SruQuery.incremental(settings.publicatienamen(), settings.since(),
                settings.extraQuery()) + ")";
    }

    @Override
    protected void pass(PollRun run) throws FeedException, InterruptedException {
        LocalDate since = date(run.checkpoint().get(MODIFIED_SINCE), settings.since());
        int start = Math.max(1, integer(run.checkpoint().get(START_RECORD), 1));
        String query = SruQuery.incremental(settings.publicatienamen(), since, settings.extraQuery());
        LocalDate latest = since;
        while (true) {
            checkInterrupted();
            URI url = page(query, start);
            // the repository negotiates: without asking for XML a client may get JSON
            Response response = http.get(url, "application/xml", PAGE_LIMIT);
            if (!response.ok() || response.truncated()) {
                throw new FeedException("SRU page " + (response.truncated() ? "too large: " + url
                        : "unavailable: " + response.describe()));
            }
            SruResponse page = SruResponseParser.parse(response.body());
            for (SruRecord record : page.records()) {
                checkInterrupted();
                handle(record, run, url);
                LocalDate modified = date(record.modified(), null);
                if (modified != null && modified.isAfter(latest)) {
                    latest = modified;
                }
            }
            OptionalInt next = next(page, start);
            if (next.isEmpty()) {
                break;
            }
            start = next.getAsInt();
            run.checkpoint(checkpointOf(MODIFIED_SINCE, since.toString(), START_RECORD, Integer.toString(start)));
        }
        // records of the latest day are read again next time (dates have no time); the item ledger knows them
        run.checkpoint(checkpointOf(MODIFIED_SINCE, latest.toString(), START_RECORD, "1"));
    }

    /**
     * Where the next page starts, empty when this was the last. The server's {@code nextRecordPosition} is followed
     * whatever {@code numberOfRecords} says: repository.overheid.nl gives that count as an estimate, and a count
     * below the next position must not end the poll early. Without it, the page after the highest position read
     * (real answers splice records in at repeated positions, so counting records would skip some), while the
     * count says there are more.
     */
    static OptionalInt next(SruResponse page, int start) {
        if (page.records().isEmpty()) {
            return OptionalInt.empty();
        }
        int next;
        if (page.nextRecordPosition() != null) {
            next = page.nextRecordPosition();
        } else {
            int highest = page.records().stream().map(SruRecord::position).filter(Objects::nonNull)
                    .mapToInt(Integer::intValue).max().orElse(start + page.records().size() - 1);
            next = highest + 1;
            if (next > page.numberOfRecords()) {
                return OptionalInt.empty();
            }
        }
        return next > start ? OptionalInt.of(next) : OptionalInt.empty();
    }

    private void handle(SruRecord record, PollRun run, URI page) throws FeedException, InterruptedException {
        String id = record.identifier();
        if (id == null || !follow(record)) {
            return;
        }
        run.offer(id, record.modified(), () -> fetch(record, page));
    }

    /**
     * Records of the publications asked for, and Kamerstukken only of the kinds followed (by subrubriek or title).
     * The answer is checked, not trusted to match the query: recorded answers mix Handelingen, Bijlagen and
     * Kamerstukken.
     */
    private boolean follow(SruRecord record) {
        String publicatienaam = record.first("publicatienaam");
        if (publicatienaam != null && !publicatienamen.isEmpty()
                && !publicatienamen.contains(publicatienaam.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String publicatie = publicatienaam != null ? publicatienaam : record.first("type");
        if (kamerstukSoorten.isEmpty() || publicatie == null || !KAMERSTUK.equalsIgnoreCase(publicatie.strip())) {
            return true;
        }
        String kind = (String.valueOf(record.first("subrubriek")) + " | " + record.first("title") + " | "
                + record.first("documenttitel")).toLowerCase(Locale.ROOT);
        return kamerstukSoorten.stream().anyMatch(kind::contains);
    }

    private IncomingDocument fetch(SruRecord record, URI page)
            throws FeedException, ItemFailedException, InterruptedException {
        Map<String, String> candidates = new LinkedHashMap<>();
        for (String manifestation : settings.manifestations()) {
            String url = record.itemUrls().get(manifestation);
            if (url != null) {
                candidates.put(manifestation, url);
            }
        }
        if (candidates.isEmpty() && record.preferredUrl() != null) {
            candidates.put("preferred", record.preferredUrl());
        }
        if (candidates.isEmpty()) {
            throw new ItemFailedException("record " + record.identifier() + " has no itemUrl of "
                    + settings.manifestations() + " (it has " + record.itemUrls().keySet() + ")");
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            Optional<URI> fetchable = PoliteHttpClient.resolve(page, candidate.getValue());
            if (fetchable.isEmpty()) {
                failures.add(candidate.getKey() + ": not a URL to fetch: " + candidate.getValue());
                continue;
            }
            Response file = http.get(fetchable.get(), "*/*", env.maxDocumentSize());
            if (file.ok() && !file.truncated()) {
                return document(record, candidate.getKey(), file, page);
            }
            failures.add(candidate.getKey() + ": " + (file.truncated() ? "larger than the limit of "
                    + env.maxDocumentSize() + " bytes" : file.describe()));
        }
        throw new ItemFailedException("no manifestation of " + record.identifier() + " could be fetched: "
                + String.join("; ", failures));
    }

    private IncomingDocument document(SruRecord record, String manifestation, Response file, URI page) {
        String title = record.first("title");
        FeedMetadata.Builder metadata = FeedMetadata.builder()
                .put(FeedMetadata.SOURCE_ID, record.identifier())
                .put(FeedMetadata.OFFICIAL_ID, record.identifier())
                .put(FeedMetadata.DOCUMENTTYPE, firstOf(record.first("subrubriek"), record.first("publicatienaam"),
                        record.first("type")))
                .put("publicatienaam", record.first("publicatienaam"))
                .put(FeedMetadata.TITLE, title)
                .put("documenttitel", record.first("documenttitel"))
                .put(FeedMetadata.DATE, firstOf(record.first("date"), record.first("issued"), record.first("available")))
                .put(FeedMetadata.VERGADERJAAR, record.first("vergaderjaar"))
                .put(FeedMetadata.DOSSIER, record.first("dossiernummer"))
                .put(FeedMetadata.ONDERNUMMER, record.first("ondernummer"))
                .put(FeedMetadata.AANHANGSELNUMMER, record.first("aanhangselnummer"))
                .put("vraagnummer", record.first("vraagnummer"))
                .put(FeedMetadata.INDIENER, record.joined("indiener"))
                .put(FeedMetadata.MODIFIED, record.first("modified"))
                .put("manifestation", manifestation)
                .put(FeedMetadata.FEED_URL, page.toString())
                .put("preferredUrl", record.preferredUrl());
        record.itemUrls().forEach((m, url) -> metadata.put(FeedMetadata.URL_PREFIX + m, url));
        return new IncomingDocument(NAME, file.body(), null, file.contentType(), file.uri().toString(), title,
                record.identifier(), metadata.build(), true, RegisterMetadata.of(record));
    }

    private URI page(String query, int start) {
        return URI.create(settings.baseUrl() + "?operation=searchRetrieve&version=2.0&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20")
                + "&startRecord=" + start + "&maximumRecords=" + settings.maximumRecords());
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.length() < 10) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
