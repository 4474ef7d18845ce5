package nl.kamerqa.query.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.kamerqa.query.config.OpenApiConfig;
import nl.kamerqa.query.index.IndexFeeder;
import nl.kamerqa.query.index.IndexFields;
import nl.kamerqa.query.index.QuestionIndex;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** This instance's search index: where it is in the topic, and a rebuild on demand (API key required, see SecurityConfig). */
@Tag(name = "Admin", description = "This instance's search index (X-API-Key required)")
@SecurityRequirement(name = OpenApiConfig.API_KEY_SCHEME)
@RestController
@RequestMapping(path = "/api/admin/index", produces = "application/json")
public class IndexAdminController {

    private final QuestionIndex index;
    private final IndexFeeder feeder;

    public IndexAdminController(QuestionIndex index, IndexFeeder feeder) {
        this.index = index;
        this.feeder = feeder;
    }

    @Operation(operationId = "indexStatus", summary = "Offsets applied and committed, offsets at start, size on disk")
    @GetMapping
    public Map<String, Object> status() throws IOException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("schemaVersion", IndexFields.SCHEMA_VERSION);
        status.put("startOffsets", index.startOffsets());
        status.put("appliedOffsets", index.appliedOffsets());
        status.put("committedOffsets", index.committedOffsets());
        status.put("rebuildsSinceStart", index.clears());
        status.put("sizeBytes", index.sizeOnDisk());
        return status;
    }

    @Operation(operationId = "rebuildIndex", summary = "Empty the index and replay the parsed topic from its start")
    @ApiResponse(responseCode = "202", description = "Rebuild started; searches see the index fill up again")
    @PostMapping("/rebuild")
    public ResponseEntity<Object> rebuild() {
        feeder.requestRebuild();
        return ResponseEntity.accepted().body(Map.of("rebuild", "started"));
    }
}
