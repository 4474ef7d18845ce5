package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.feed.FeedSources;
import nl.kamerqa.ingest.feed.SourceStateUnavailableException;
import nl.kamerqa.ingest.feed.SourceStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/admin/sources}: every source (syncfeed, odata, sru, folder) with whether it is on, its
 * checkpoint, last success, last error and counts.
 */
@RestController
@RequestMapping(SourcesController.PATH)
public class SourcesController {

    public static final String PATH = "/api/admin/sources";

    private final FeedSources sources;

    public SourcesController(FeedSources sources) {
        this.sources = sources;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<SourceStatus> sources() {
        return sources.status();
    }

    @ExceptionHandler(SourceStateUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SourceStateUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "the sources' state cannot be read now: " + e.getMessage()));
    }
}
