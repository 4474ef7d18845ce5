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
import nl.kamerqa.query.QuestionFilter;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@Tag(name = "Questions", description = "Questions with their answers")
@ApiResponse(responseCode = "400", description = "A parameter is malformed, out of range, too long or has control characters",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The database did not answer in time; retry later",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@RestController
@RequestMapping(path = "/api/questions", produces = "application/json")
public class QuestionController {

    private final QueryStore store;

    public QuestionController(QueryStore store) {
        this.store = store;
    }

    /**
     * Questions filtered by party (exact, any case), documentId (exact) and q (plain text in question or answer),
     * ordered by documentId, then seq.
     */
    @Operation(operationId = "searchQuestions",
            summary = "Search questions by party, document and text, ordered by documentId, then question order")
    @ApiResponse(responseCode = "200", description = "A page of questions with their answers: {items, page, size, total}")
    @GetMapping
    public Page<Map<String, Object>> list(
            @Parameter(description = "Party, exact but any case, e.g. VVD or GroenLinks-PvdA")
            @RequestParam(required = false) @FilterText String party,
            @Parameter(description = "Only the questions of this document, e.g. kst-36200-VII-147")
            @RequestParam(required = false) @FilterText String documentId,
            @Parameter(description = "Text searched as one phrase in question and answer, any case; plain text, not a query language")
            @RequestParam(required = false) @FilterText String q,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Results per page, 1 to 100")
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return store.questions(new QuestionFilter(party, documentId, q), new PageRequest(page, size));
    }

    /** One question; the id is documentId + "#" + number, so clients send the '#' as %23. */
    @Operation(operationId = "getQuestion", summary = "Get one question with its answer")
    @ApiResponse(responseCode = "200", description = "The question with its answer")
    @ApiResponse(responseCode = "404", description = "No question with that id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{id}")
    public Map<String, Object> get(
            @Parameter(description = "documentId + \"#\" + number, the '#' sent as %23: kst-36200-VII-147%237")
            @PathVariable @FilterText String id) {
        return found(store, id);
    }

    static Map<String, Object> found(QueryStore store, String id) {
        return store.question(id).orElseThrow(() -> new NotFoundException("No question with id '" + id + "'"));
    }
}
