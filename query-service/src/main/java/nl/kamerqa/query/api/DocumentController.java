package nl.kamerqa.query.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import nl.kamerqa.query.QueryStore;
import nl.kamerqa.query.search.IndexSearch;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@Tag(name = "Documents", description = "Parsed parliamentary documents")
@ApiResponse(responseCode = "400", description = "A parameter is malformed, out of range, too long or has control characters; the problem names it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The database did not answer in time; retry later",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@RestController
@RequestMapping(path = "/api/documents", produces = "application/json")
public class DocumentController {

    private final IndexSearch search;
    private final QueryStore store;

    public DocumentController(IndexSearch search, QueryStore store) {
        this.search = search;
        this.store = store;
    }

    @Operation(operationId = "listDocuments",
            summary = "List documents without their questions: the same filters, facets and cursor as the questions",
            description = "q searches title, subject, questions and answers; party matches any party in the document; "
                    + "answered=true only documents whose questions are all answered. Newest first by default.")
    @ApiResponse(responseCode = "200", description = "A page of documents: {items, total, next, cursor, facets}")
    @GetMapping
    public ResponseEntity<Object> list(@Valid @ParameterObject SearchQuery query, HttpServletRequest request) {
        return Listing.answer(query, request, search::documents);
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
        return QuestionController.found(search, store, QueryStore.questionId(documentId, number));
    }
}
