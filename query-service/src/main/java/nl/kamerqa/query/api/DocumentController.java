package nl.kamerqa.query.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.kamerqa.query.Page;
import nl.kamerqa.query.PageRequest;
import nl.kamerqa.query.QueryStore;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@Tag(name = "Documents", description = "Parsed parliamentary documents")
@ApiResponse(responseCode = "400", description = "A parameter is malformed, out of range, too long or has control characters",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The database did not answer in time; retry later",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@RestController
@RequestMapping(path = "/api/documents", produces = "application/json")
public class DocumentController {

    private final QueryStore store;

    public DocumentController(QueryStore store) {
        this.store = store;
    }

    /** Documents without their questions, most recently updated first. */
    @Operation(operationId = "listDocuments",
            summary = "List documents, most recently updated first, without their questions")
    @ApiResponse(responseCode = "200", description = "A page of documents: {items, page, size, total}")
    @GetMapping
    public Page<Map<String, Object>> list(
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Results per page, 1 to 100")
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return store.documents(new PageRequest(page, size));
    }

    /** One document with its questions ordered by seq. */
    @Operation(operationId = "getDocument", summary = "Get one document with its questions")
    @ApiResponse(responseCode = "200", description = "The document, its questions ordered as in the document")
    @ApiResponse(responseCode = "404", description = "No document with that id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{id}")
    public Map<String, Object> get(
            @Parameter(description = "documentId, e.g. kst-36200-VII-147") @PathVariable @FilterText String id) {
        return store.document(id).orElseThrow(() -> new NotFoundException("No document with id '" + id + "'"));
    }

    /** Friendlier alias of /api/questions/{documentId}%23{number}: no '#' to encode. */
    @Operation(operationId = "getDocumentQuestion", summary = "Get one question by documentId and question number")
    @ApiResponse(responseCode = "200", description = "The question with its answer")
    @ApiResponse(responseCode = "404", description = "No question with that id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{documentId}/questions/{number}")
    public Map<String, Object> question(
            @Parameter(description = "documentId, e.g. kst-36200-VII-147") @PathVariable @FilterText String documentId,
            @Parameter(description = "The question's number, e.g. 7") @PathVariable @FilterText String number) {
        return QuestionController.found(store, QueryStore.questionId(documentId, number));
    }
}
