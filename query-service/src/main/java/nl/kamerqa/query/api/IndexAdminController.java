package nl.kamerqa.query.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.kamerqa.query.config.SecurityProperties;
import nl.kamerqa.query.index.IndexFeeder;
import nl.kamerqa.query.index.IndexFields;
import nl.kamerqa.query.index.QuestionIndex;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** This instance's search index: where it is in the topic, and a rebuild on demand (API key required). */
@Tag(name = "Admin", description = "This instance's search index (X-API-Key required)")
@RestController
@RequestMapping(path = "/api/admin/index", produces = "application/json")
public class IndexAdminController {

    static final String API_KEY = "X-API-Key";

    private final QuestionIndex index;
    private final IndexFeeder feeder;
    private final SecurityProperties security;

    public IndexAdminController(QuestionIndex index, IndexFeeder feeder, SecurityProperties security) {
        this.index = index;
        this.feeder = feeder;
        this.security = security;
    }

    @Operation(operationId = "indexStatus", summary = "Offsets applied and committed, offsets at start, size on disk")
    @GetMapping
    public ResponseEntity<Object> status(@RequestHeader(name = API_KEY, required = false) String key) throws IOException {
        ResponseEntity<Object> refused = refused(key);
        if (refused != null) {
            return refused;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("schemaVersion", IndexFields.SCHEMA_VERSION);
        status.put("startOffsets", index.startOffsets());
        status.put("appliedOffsets", index.appliedOffsets());
        status.put("committedOffsets", index.committedOffsets());
        status.put("rebuildsSinceStart", index.clears());
        status.put("sizeBytes", index.sizeOnDisk());
        return ResponseEntity.ok(status);
    }

    @Operation(operationId = "rebuildIndex", summary = "Empty the index and replay the parsed topic from its start")
    @ApiResponse(responseCode = "202", description = "Rebuild started; searches see the index fill up again")
    @PostMapping("/rebuild")
    public ResponseEntity<Object> rebuild(@RequestHeader(name = API_KEY, required = false) String key) {
        ResponseEntity<Object> refused = refused(key);
        if (refused != null) {
            return refused;
        }
        feeder.requestRebuild();
        return ResponseEntity.accepted().body(Map.of("rebuild", "started"));
    }

    /** 403 without a configured key, 401 for a missing or wrong one ({@link SecurityProperties#accepts}). */
    private ResponseEntity<Object> refused(String key) {
        if (!security.hasApiKey()) {
            return problem(HttpStatus.FORBIDDEN, "no API key is configured on this instance (KAMERQA_API_KEY)");
        }
        if (!security.accepts(key)) {
            return problem(HttpStatus.UNAUTHORIZED, "missing or wrong X-API-Key header");
        }
        return null;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail));
    }
}
