package nl.kamerqa.query.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.kamerqa.query.stream.LiveDocument;
import nl.kamerqa.query.stream.LiveDocuments;
import nl.kamerqa.query.stream.LiveEvent;
import nl.kamerqa.query.stream.StreamFilter;
import nl.kamerqa.query.stream.StreamProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Newly parsed documents as server-sent events: one {@code document} event per document (the id is its
 * {@code ce_id}; the data a {@code LiveDocument} JSON with the REST url of the whole document). Filters as query
 * parameters; {@code recent=N} sends the N newest kept matching documents first. A reconnecting client's
 * {@code Last-Event-ID} header gets it the events it missed instead, or a {@code gap} event when they are no longer
 * kept. Lines starting with ':' are keep-alives.
 */
@Tag(name = "Live stream", description = "Newly parsed documents as server-sent events")
@RestController
public class StreamController {

    /** Upper bound of {@code recent}: what an instance keeps by default ({@code kamerqa.stream.replay}). */
    static final int MAX_RECENT = 500;
    private static final long RECONNECT_MILLIS = 5_000;

    private final LiveDocuments live;
    private final StreamProperties properties;

    public StreamController(LiveDocuments live, StreamProperties properties) {
        this.live = live;
        this.properties = properties;
    }

    @Operation(operationId = "streamDocuments", summary = "Subscribe to newly parsed documents (text/event-stream)",
            description = "Events named 'document' (id = ce_id, data = LiveDocument JSON with the document's REST url)"
                    + " and 'gap' (missed events no longer kept); ':' lines are keep-alives.")
    @ApiResponse(responseCode = "200", description = "The stream; stays open until timeout, then reconnect",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = LiveDocument.class)))
    @ApiResponse(responseCode = "400", description = "A filter is too long or has control characters",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Stream switched off or this instance full; see Retry-After",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/stream")
    public SseEmitter stream(
            @Parameter(description = "Only documents with this party (any case)")
            @RequestParam(required = false) @FilterText String party,
            @Parameter(description = "Only this genre, e.g. KAMERVRAGEN (any case)")
            @RequestParam(required = false) @FilterText String genre,
            @Parameter(description = "Only Kamervragen answered by a minister whose title contains this")
            @RequestParam(required = false) @FilterText String answeredBy,
            @Parameter(description = "Only documents with this text in title, subject, a question or an answer")
            @RequestParam(required = false) @FilterText String q,
            @Parameter(description = "Send the N newest kept matching documents first (0 to 500)")
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_RECENT) int recent,
            @Parameter(description = "Set by EventSource on reconnect: resume after this event")
            @RequestHeader(name = "Last-Event-ID", required = false) @FilterText String lastEventId) {
        if (!properties.enabled()) {
            throw new StreamUnavailableException("the live stream is switched off on this instance (kamerqa.stream.enabled)");
        }
        SearchParameters.checkGenre(genre);
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        try {
            // sent at once, so the response starts now (EventSource reports "open") and reconnects come after 5 s
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(RECONNECT_MILLIS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LiveDocuments.Subscription subscription;
        try {
            subscription = live.subscribe(new StreamFilter(party, genre, answeredBy, q), lastEventId, recent,
                    new EmitterSink(emitter));
        } catch (LiveDocuments.TooManyClientsException e) {
            throw new StreamUnavailableException(e.getMessage());
        }
        emitter.onCompletion(subscription::cancel);
        emitter.onTimeout(() -> {
            subscription.cancel();
            emitter.complete(); // ends the response normally; the client's EventSource reconnects
        });
        emitter.onError(failure -> subscription.cancel());
        return emitter;
    }

    /** Writes the hub's deliveries to one HTTP response. */
    private record EmitterSink(SseEmitter emitter) implements LiveDocuments.Sink {

        @Override
        public void send(LiveEvent event) throws IOException {
            emitter.send(SseEmitter.event().id(event.id()).name("document")
                    .data(event.document(), MediaType.APPLICATION_JSON));
        }

        @Override
        public void keepAlive() throws IOException {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        }

        @Override
        public void gap(String lastEventId) throws IOException {
            emitter.send(SseEmitter.event().name("gap").data(Map.of("lastEventId", lastEventId, "detail",
                    "events after it are no longer kept here; catch up with GET /api/documents"),
                    MediaType.APPLICATION_JSON));
        }

        @Override
        public void close() {
            emitter.complete();
        }
    }
}
