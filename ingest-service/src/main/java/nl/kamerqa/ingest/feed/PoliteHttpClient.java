package nl.kamerqa.ingest.feed;

import nl.kamerqa.ingest.config.FeedProperties.Politeness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP GET with manners, one per source: requests one after the other with a pause between them, bounded waits,
 * a descriptive User-Agent, and retries that back off exponentially with jitter (and respect Retry-After) on
 * 429, 408, 5xx and timeouts or connection failures. Other answers (404, ...) are returned to the caller, who
 * knows whether they fail an item or the poll.
 */
public final class PoliteHttpClient {

    private static final Logger log = LoggerFactory.getLogger(PoliteHttpClient.class);
    private static final Pattern ERROR_MESSAGE = Pattern.compile("<(?:\\w+:)?Message>([^<]{1,500})</", Pattern.CASE_INSENSITIVE);

    /** Waits; a test may replace it, the service uses {@link Thread#sleep}. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** An answer that was not retried (any status but 408, 429 and 5xx). */
    public record Response(URI uri, int status, String contentType, String retryAfter, byte[] body,
                           boolean truncated) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A short description of the body for logs and error messages (an Error page's Message, or its start). */
        public String snippet() {
            return PoliteHttpClient.snippet(body);
        }

        /** "HTTP 404 from <uri>: <snippet>" */
        public String describe() {
            String s = snippet();
            return "HTTP " + status + " from " + uri + (s.isEmpty() ? "" : ": " + s);
        }
    }

    private final String feed;
    private final Politeness politeness;
    private final String userAgent;
    private final FeedMetrics metrics;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;
    private final HttpClient client;
    private Instant lastRequestEnded = Instant.MIN;

    public PoliteHttpClient(String feed, Politeness politeness, String userAgent, FeedMetrics metrics, Clock clock) {
        this(feed, politeness, userAgent, metrics, clock, d -> Thread.sleep(d.toMillis()),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    PoliteHttpClient(String feed, Politeness politeness, String userAgent, FeedMetrics metrics, Clock clock,
                     Sleeper sleeper, DoubleSupplier random) {
        this.feed = feed;
        this.politeness = politeness;
        this.userAgent = userAgent;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.client = HttpClient.newBuilder()
                .connectTimeout(politeness.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * @param accept   the Accept header (some services negotiate: the SRU answers JSON to a browser-like Accept)
     * @param maxBytes read at most this many bytes; a longer body comes back {@link Response#truncated()}
     * @throws FeedException when every attempt failed with a retryable answer or an I/O error
     */
    public synchronized Response get(URI uri, String accept, long maxBytes) throws FeedException, InterruptedException {
        Response last = getAnswer(uri, accept, maxBytes);
        if (retryable(last.status())) {
            throw new FeedException(last.describe() + " (gave up after " + politeness.maxAttempts() + " attempts)");
        }
        return last;
    }

    /**
     * Like {@link #get}, but a server error (5xx) that persisted through every attempt is returned instead of
     * thrown: for a file whose server did answer, so the caller can fail that item and go on (the SyncFeed
     * answers 500 for a file it does not have). Throttling (429, 408), I/O errors and timeouts still throw.
     */
    public synchronized Response getAnswer(URI uri, String accept, long maxBytes)
            throws FeedException, InterruptedException {
        String lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            pause();
            Duration retryAfter = null;
            Response serverError = null;
            try {
                Response response = send(uri, accept, maxBytes);
                if (!retryable(response.status())) {
                    return response;
                }
                serverError = response.status() >= 500 ? response : null;
                lastFailure = response.describe();
                retryAfter = parseRetryAfter(response.retryAfter(), clock.instant()).orElse(null);
            } catch (HttpTimeoutException e) {
                lastFailure = "no answer from " + uri + " within " + politeness.requestTimeout();
            } catch (IOException e) {
                lastFailure = "could not reach " + uri + ": " + describe(e);
            } finally {
                lastRequestEnded = clock.instant();
            }
            if (attempt >= politeness.maxAttempts()) {
                if (serverError != null) {
                    return serverError;
                }
                throw new FeedException(lastFailure + " (gave up after " + attempt + " attempts)");
            }
            Duration wait = backoff(attempt, politeness.backoff(), politeness.maxBackoff(), random.getAsDouble());
            if (retryAfter != null) {
                wait = min(max(wait, retryAfter), politeness.maxBackoff());
            }
            metrics.retried(feed);
            log.info("{}: {}; attempt {} of {}, retrying in {} ms", feed, lastFailure, attempt,
                    politeness.maxAttempts(), wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    /**
     * {@code href} resolved against {@code base}, when the result is an http(s) URL with a host; else empty.
     * Feeds do carry links that no client can follow (hosts rewritten to {@code __MOCK_SERVICE__}, a scheme
     * {@code httbroken:} in recorded SRU answers): they fail their item, not the poll.
     */
    public static Optional<URI> resolve(URI base, String href) {
        try {
            URI uri = base.resolve(href.strip());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The wait before retry number {@code attempt} (1-based): {@code base * 2^(attempt-1)}, capped, of which the
     * upper half is random ("equal jitter"), so many clients do not come back in step.
     */
    public static Duration backoff(int attempt, Duration base, Duration cap, double random) {
        double exponential = base.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(exponential, cap.toMillis());
        return Duration.ofMillis(Math.round(capped / 2 + random * capped / 2));
    }

    private Response send(URI uri, String accept, long maxBytes) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(politeness.requestTimeout())
                .header("User-Agent", userAgent)
                .header("Accept", accept)
                .GET()
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            boolean truncated = body.length > maxBytes;
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            return new Response(response.uri(), response.statusCode(), contentType, retryAfter, body, truncated);
        }
    }

    private void pause() throws InterruptedException {
        Duration since = Duration.between(lastRequestEnded.equals(Instant.MIN) ? Instant.EPOCH : lastRequestEnded,
                clock.instant());
        Duration remaining = politeness.pause().minus(since);
        if (!remaining.isNegative() && !remaining.isZero()) {
            sleeper.sleep(remaining);
        }
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        Matcher message = ERROR_MESSAGE.matcher(text);
        if (message.find()) {
            return message.group(1).strip();
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Parses a Retry-After value: seconds or an HTTP date. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
