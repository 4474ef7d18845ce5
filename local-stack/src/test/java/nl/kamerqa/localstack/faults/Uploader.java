package nl.kamerqa.localstack.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A well-behaved upload client: on 503 (service unavailable) and 429 (over the upload rate) it waits as long as
 * {@code Retry-After} says (capped, so a test does not wait the service's 30 s) and tries again, a bounded number of
 * times; a connection failure is retried the same way. Every other answer is final. Live counters let a scenario
 * time its fault.
 */
final class Uploader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Bodies above this go through {@link ExpectContinueClient}, so a 413 can be seen (ingest's limit here is 20 MB). */
    private static final int LARGE_BODY = 16 * 1024 * 1024;

    private final URI ingest;
    private final String apiKey;
    private final Duration retryAfterCap;
    private final int maxAttempts;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger unavailableAnswers = new AtomicInteger();
    final AtomicInteger rateLimitedAnswers = new AtomicInteger();

    /** The final answer to one input, and what it took to get it. */
    record Upload(Input input, int status, String body, String retryAfter, int attempts, int unavailable,
                  int rateLimited, int transportErrors, String documentId, String contentSha256, String intakeStatus,
                  String detail) {

        boolean accepted() {
            return status == 202;
        }

        boolean duplicate() {
            return status == 200 && "DUPLICATE".equals(intakeStatus);
        }

        /** A final 4xx: refused (429 is retried, so it only counts when retries ran out). */
        boolean clientError() {
            return status >= 400 && status < 500 && status != 429;
        }

        /** No final answer: still 503 or 429 (or no connection) after the last attempt. */
        boolean gaveUp() {
            return status == 503 || status == 429 || status < 0;
        }
    }

    Uploader(URI ingest, String apiKey, Duration retryAfterCap, int maxAttempts) {
        this.ingest = ingest;
        this.apiKey = apiKey;
        this.retryAfterCap = retryAfterCap;
        this.maxAttempts = maxAttempts;
    }

    Upload send(Input input) {
        int attempts = 0;
        int unavailable = 0;
        int rateLimited = 0;
        int transportErrors = 0;
        while (true) {
            attempts++;
            Answer response;
            try {
                response = exchange(input);
            } catch (IOException e) {
                transportErrors++;
                if (attempts >= maxAttempts) {
                    finished.incrementAndGet();
                    return new Upload(input, -1, e.toString(), null, attempts, unavailable, rateLimited,
                            transportErrors, null, null, null, e.toString());
                }
                pause(retryAfterCap);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while uploading " + input, e);
            }
            String retryAfter = response.retryAfter();
            if (response.statusCode() == 503 || response.statusCode() == 429) {
                if (response.statusCode() == 503) {
                    unavailable++;
                    unavailableAnswers.incrementAndGet();
                } else {
                    rateLimited++;
                    rateLimitedAnswers.incrementAndGet();
                }
                if (attempts < maxAttempts) {
                    pause(retryAfter(retryAfter));
                    continue;
                }
            }
            finished.incrementAndGet();
            Upload upload = answer(input, response, retryAfter, attempts, unavailable, rateLimited, transportErrors);
            if (upload.accepted()) {
                accepted.incrementAndGet();
            }
            return upload;
        }
    }

    private Upload answer(Input input, Answer response, String retryAfter, int attempts,
                          int unavailable, int rateLimited, int transportErrors) {
        JsonNode body = null;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            // kept as text in the Upload
        }
        String documentId = body == null ? null : text(body, "documentId");
        String sha = body == null ? null : text(body, "contentSha256");
        // a ProblemDetail has a numeric "status" too; only a 2xx body says ACCEPTED or DUPLICATE
        String status = body == null || response.statusCode() >= 300 ? null : text(body, "status");
        String detail = body == null ? null : text(body, "detail");
        return new Upload(input, response.statusCode(), response.body(), retryAfter, attempts, unavailable,
                rateLimited, transportErrors, documentId, sha, status, detail);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Retry-After in seconds (the form ingest-service sends), capped; a missing or odd value counts as the cap. */
    private Duration retryAfter(String header) {
        try {
            Duration asked = Duration.ofSeconds(Long.parseLong(header.strip()));
            return asked.compareTo(retryAfterCap) < 0 ? asked : retryAfterCap;
        } catch (RuntimeException e) {
            return retryAfterCap;
        }
    }

    /** The client's own pacing between attempts, as Retry-After asks; not a wait for a result. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** The final answer's status, Retry-After header and body. */
    private record Answer(int statusCode, String retryAfter, String body) {
    }

    private Answer exchange(Input input) throws IOException, InterruptedException {
        String query = input.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = ingest.resolve("/api/documents" + (query.isEmpty() ? "" : "?" + query));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-API-Key", apiKey);
        byte[] body;
        if (input.multipart()) {
            String boundary = "faults-" + UUID.randomUUID();
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = multipart(boundary, input);
        } else {
            if (input.contentType() != null) {
                headers.put("Content-Type", input.contentType());
            }
            body = input.content() == null ? new byte[0] : input.content();
        }
        if (body.length > LARGE_BODY) {
            // lets the server refuse an oversized body by its headers, and lets this client see that answer
            ExpectContinueClient.Response response = ExpectContinueClient.post(uri, headers, body);
            return new Answer(response.status(), response.headers().get("retry-after"), response.body());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                // the service's worst case is about publish-timeout (20 s) plus store-timeout (5 s)
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.body());
    }

    private static byte[] multipart(String boundary, Input input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (input.content() != null) {
            String filename = input.params().getOrDefault("filename", input.name());
            String head = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: " + (input.contentType() == null ? "application/octet-stream" : input.contentType())
                    + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(input.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        } else {
            // a form without the file part
            String other = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nno file here\r\n";
            out.writeBytes(other.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
