package nl.kamerqa.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the automated sources under {@code kamerqa.feeds.*}. Every source is off unless enabled, so a
 * fresh local stack never reaches for the network.
 *
 * @param userAgent sent with every request, so the publishers know who is polling and how to reach them
 */
@ConfigurationProperties("kamerqa.feeds")
public record FeedProperties(
        @DefaultValue("kamerqa-ingest/0.1 (automated reader of parliamentary questions and answers; "
                + "set kamerqa.feeds.user-agent to add a contact address)") String userAgent,
        @DefaultValue SyncFeed syncfeed,
        @DefaultValue OData odata,
        @DefaultValue Sru sru,
        @DefaultValue Folder folder) {

    /** What every polled source has: an on/off switch, a schedule and manners. */
    public interface Source {
        boolean enabled();

        /** Wait between the end of a successful poll and the next one. */
        Duration interval();

        /** Wait after start-up before the first poll. */
        Duration initialDelay();

        Politeness politeness();
    }

    /**
     * How a source is treated: one request at a time, a pause between requests, bounded waits, and retries that
     * back off exponentially with jitter on 429, 5xx and timeouts; failed polls back off the same way.
     *
     * @param pause          quiet time between the end of one request and the start of the next
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for a whole answer
     * @param maxAttempts    attempts per request before the poll gives up (and itself is retried later)
     * @param backoff        first wait before a retry; doubled on every further attempt
     * @param maxBackoff     longest wait between attempts and between failed polls
     */
    public record Politeness(@DefaultValue("1s") Duration pause,
                             @DefaultValue("10s") Duration connectTimeout,
                             @DefaultValue("60s") Duration requestTimeout,
                             @DefaultValue("4") int maxAttempts,
                             @DefaultValue("2s") Duration backoff,
                             @DefaultValue("15m") Duration maxBackoff) {

        public Politeness {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("kamerqa.feeds.*.politeness.max-attempts must be at least 1");
            }
            if (pause.isNegative() || connectTimeout.isNegative() || connectTimeout.isZero()
                    || requestTimeout.isNegative() || requestTimeout.isZero() || backoff.isNegative()
                    || maxBackoff.compareTo(backoff) < 0) {
                throw new IllegalArgumentException("kamerqa.feeds.*.politeness: timeouts must be positive, pause and "
                        + "backoff not negative, max-backoff at least backoff");
            }
        }
    }

    /**
     * Tweede Kamer open data, SyncFeed (Atom pages with skiptokens).
     *
     * @param baseUrl         the SyncFeed root; {@code Feed}, {@code Resources/<id>} and {@code Entiteiten/<id>} are below it
     * @param category        the entity category followed
     * @param startSkiptoken  where the very first poll starts; empty = the beginning of the feed
     * @param soorten         document kinds followed ({@code soort}); empty = all
     * @param resolveDossiers look up a document's Kamerstukdossier to know its official id (kst-…)
     */
    public record SyncFeed(@DefaultValue("false") boolean enabled,
                           @DefaultValue("https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/") URI baseUrl,
                           @DefaultValue("Document") String category,
                           @DefaultValue("") String startSkiptoken,
                           @DefaultValue({"Antwoord schriftelijke vragen", "Verslag van een schriftelijk overleg",
                                   "Lijst van vragen en antwoorden", "Verslag houdende een lijst van vragen en antwoorden",
                                   "Mededeling (uitstel antwoord)"}) List<String> soorten,
                           @DefaultValue("true") boolean resolveDossiers,
                           @DefaultValue("15m") Duration interval,
                           @DefaultValue("30s") Duration initialDelay,
                           @DefaultValue Politeness politeness) implements Source {

        public SyncFeed {
            baseUrl = directory(baseUrl);
        }
    }

    /**
     * Tweede Kamer open data, OData (v4 at /OData/v4/2.0/; for v5 no official field list was found, so the mapping
     * is configurable and checked against the service's {@code $metadata} at start).
     *
     * @param baseUrl the service root, e.g. https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/
     * @param version {@code v4} or {@code v5}: which built-in field mapping to start from
     * @param since   the change time (ApiGewijzigdOp) the very first poll starts from
     * @param soorten document kinds followed; empty = all
     * @param mapping per-field overrides of the version's mapping (entity set, paths of fields)
     */
    public record OData(@DefaultValue("false") boolean enabled,
                        @DefaultValue("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/") URI baseUrl,
                        @DefaultValue("v4") String version,
                        @DefaultValue("2026-01-01T00:00:00Z") Instant since,
                        @DefaultValue({"Antwoord schriftelijke vragen", "Verslag van een schriftelijk overleg",
                                "Lijst van vragen en antwoorden", "Verslag houdende een lijst van vragen en antwoorden",
                                "Mededeling (uitstel antwoord)"}) List<String> soorten,
                        @DefaultValue ODataMapping mapping,
                        @DefaultValue("15m") Duration interval,
                        @DefaultValue("45s") Duration initialDelay,
                        @DefaultValue Politeness politeness) implements Source {

        public OData {
            baseUrl = directory(baseUrl);
            version = version.strip().toLowerCase(Locale.ROOT);
            if (!version.equals("v4") && !version.equals("v5")) {
                throw new IllegalArgumentException("kamerqa.feeds.odata.version must be v4 or v5, was " + version);
            }
        }

        /** The version's mapping with the configured overrides applied. */
        public ODataMapping effectiveMapping() {
            return (version.equals("v5") ? ODataMapping.v5() : ODataMapping.v4()).overriddenBy(mapping);
        }
    }

    /**
     * Where each field is found in an OData item: a path of property names separated by {@code /}, through
     * expanded navigation properties; a collection may be narrowed with {@code Name[Property=value]}.
     * Null fields take the version's default.
     *
     * @param entitySet the entity set polled
     * @param expand    the {@code $expand} sent with it
     * @param resource  path of an item's file below the service root, {@code {id}} is replaced
     * @param watermark when the change became visible in the API: polled on ({@code ge} the checkpoint), ordered by,
     *                  and an item's version in the item ledger
     * @param modified  the source system's change time, passed on as metadata only: a change can reach the API
     *                  later than this time says, so polling on it would miss that change
     */
    public record ODataMapping(String entitySet, String expand, String resource, String id, String watermark,
                               String modified, String deleted, String soort, String nummer, String titel,
                               String onderwerp, String datum, String vergaderjaar, String volgnummer,
                               String aanhangselnummer, String dossierNummer, String dossierToevoeging,
                               String externeIdentifier, String contentType, String indiener, String fractie) {

        /**
         * The v4 API: entity set Document with expanded DocumentVersie, Kamerstukdossier (many-to-many: an array,
         * possibly empty) and DocumentActor.
         */
        public static ODataMapping v4() {
            return new ODataMapping("Document",
                    "DocumentVersie($select=ExterneIdentifier,Versienummer),Kamerstukdossier($select=Nummer,Toevoeging),"
                            + "DocumentActor($select=ActorNaam,ActorFractie,Relatie)",
                    "Document({id})/resource", "Id", "ApiGewijzigdOp", "GewijzigdOp", "Verwijderd", "Soort",
                    "DocumentNummer", "Titel", "Onderwerp", "Datum", "Vergaderjaar", "Volgnummer", "Aanhangselnummer",
                    "Kamerstukdossier/Nummer", "Kamerstukdossier/Toevoeging", "DocumentVersie/ExterneIdentifier",
                    "ContentType", "DocumentActor[Relatie=Indiener]/ActorNaam",
                    "DocumentActor[Relatie=Indiener]/ActorFractie");
        }

        /**
         * The v5 API as this project assumes it, from no official source: the file-carrying DocumentVersie is the
         * entity polled and the document's own fields sit below its {@code Document} (so {@code DocumentNummer}
         * became {@code DocumentVersie/Document/Nummer}). The poller checks it against the service's
         * {@code $metadata}; override single fields under {@code kamerqa.feeds.odata.mapping.*} where it differs.
         */
        public static ODataMapping v5() {
            return new ODataMapping("DocumentVersie", "Document($expand=Kamerstukdossier,DocumentActor)",
                    "DocumentVersie({id})/resource", "Id", "ApiGewijzigdOp", "GewijzigdOp", "Verwijderd",
                    "Document/Soort", "Document/Nummer", "Document/Titel", "Document/Onderwerp", "Document/Datum",
                    "Document/Vergaderjaar", "Document/Volgnummer", "Document/Aanhangselnummer",
                    "Document/Kamerstukdossier/Nummer", "Document/Kamerstukdossier/Toevoeging", "ExterneIdentifier",
                    "ContentType", "Document/DocumentActor[Relatie=Indiener]/ActorNaam",
                    "Document/DocumentActor[Relatie=Indiener]/ActorFractie");
        }

        /** This mapping with every non-null field of {@code o} taking precedence. */
        public ODataMapping overriddenBy(ODataMapping o) {
            if (o == null) {
                return this;
            }
            return new ODataMapping(or(o.entitySet, entitySet), or(o.expand, expand), or(o.resource, resource),
                    or(o.id, id), or(o.watermark, watermark), or(o.modified, modified), or(o.deleted, deleted),
                    or(o.soort, soort), or(o.nummer, nummer), or(o.titel, titel), or(o.onderwerp, onderwerp),
                    or(o.datum, datum), or(o.vergaderjaar, vergaderjaar), or(o.volgnummer, volgnummer),
                    or(o.aanhangselnummer, aanhangselnummer), or(o.dossierNummer, dossierNummer),
                    or(o.dossierToevoeging, dossierToevoeging), or(o.externeIdentifier, externeIdentifier),
                    or(o.contentType, contentType), or(o.indiener, indiener), or(o.fractie, fractie));
        }

        /** The field paths read from an item, by their property name below {@code kamerqa.feeds.odata.mapping}. */
        public Map<String, String> fieldPaths() {
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("id", id);
            paths.put("watermark", watermark);
            paths.put("modified", modified);
            paths.put("deleted", deleted);
            paths.put("soort", soort);
            paths.put("nummer", nummer);
            paths.put("titel", titel);
            paths.put("onderwerp", onderwerp);
            paths.put("datum", datum);
            paths.put("vergaderjaar", vergaderjaar);
            paths.put("volgnummer", volgnummer);
            paths.put("aanhangselnummer", aanhangselnummer);
            paths.put("dossier-nummer", dossierNummer);
            paths.put("dossier-toevoeging", dossierToevoeging);
            paths.put("externe-identifier", externeIdentifier);
            paths.put("content-type", contentType);
            paths.put("indiener", indiener);
            paths.put("fractie", fractie);
            return paths;
        }

        private static String or(String override, String base) {
            return override == null || override.isBlank() ? base : override.strip();
        }
    }

    /**
     * officielebekendmakingen through the SRU repository.
     *
     * @param baseUrl          the SRU endpoint
     * @param since            modification date the very first poll starts from
     * @param publicatienamen  publications asked for ({@code w.publicatienaam}), ORed in the CQL query
     * @param kamerstukSoorten for records of publication "Kamerstuk": followed only when their subrubriek or title
     *                         names one of these; empty = every Kamerstuk
     * @param extraQuery       optional CQL clause ANDed to the query
     * @param maximumRecords   records per page
     * @param manifestations   the itemUrl manifestations fetched, most preferred first
     */
    public record Sru(@DefaultValue("false") boolean enabled,
                      @DefaultValue("https://repository.overheid.nl/sru") URI baseUrl,
                      @DefaultValue("2026-01-01") LocalDate since,
                      @DefaultValue({"Kamervragen (Aanhangsel)", "Kamerstuk"}) List<String> publicatienamen,
                      @DefaultValue({"Verslag van een schriftelijk overleg", "Lijst van vragen en antwoorden",
                              "Verslag houdende een lijst van vragen en antwoorden"}) List<String> kamerstukSoorten,
                      @DefaultValue("") String extraQuery,
                      @DefaultValue("100") int maximumRecords,
                      @DefaultValue({"xml", "html", "pdf"}) List<String> manifestations,
                      @DefaultValue("30m") Duration interval,
                      @DefaultValue("60s") Duration initialDelay,
                      @DefaultValue Politeness politeness) implements Source {

        public Sru {
            if (maximumRecords < 1 || maximumRecords > 1000) {
                throw new IllegalArgumentException("kamerqa.feeds.sru.maximum-records must be between 1 and 1000");
            }
            manifestations = manifestations.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * A watched folder: files put there are taken in and moved to {@code done/} or {@code failed/} (with a
     * {@code <name>.reason} file) below it.
     *
     * @param path   the folder
     * @param settle a file is read only once it has not changed for this long (it may still be being copied)
     */
    public record Folder(@DefaultValue("false") boolean enabled,
                         @DefaultValue("inbox") Path path,
                         @DefaultValue("2s") Duration settle,
                         @DefaultValue("10s") Duration interval,
                         @DefaultValue("5s") Duration initialDelay,
                         @DefaultValue Politeness politeness) implements Source {
    }

    /** Relative links resolve below the base URL only when it ends with a slash. */
    private static URI directory(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }
}
