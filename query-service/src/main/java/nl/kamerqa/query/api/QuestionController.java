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

@Tag(name = "Questions", description = "Questions with their answers")
@ApiResponse(responseCode = "400", description = "A parameter is malformed, out of range, too long or has control characters; the problem names it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The database did not answer in time; retry later",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@RestController
@RequestMapping(path = "/api/questions", produces = "application/json")
public class QuestionController {

    private final IndexSearch search;
    private final QueryStore store;

    public QuestionController(IndexSearch search, QueryStore store) {
        this.search = search;
        this.store = store;
    }

    @Operation(operationId = "searchQuestions",
            summary = "Search questions: Dutch full text, filters, facets, cursor paging",
            description = "Answers {items, total, next, cursor, facets}. Each item is a question with its answer, the "
                    + "document's genre, dates, answering minister, a citation in the customary form and the source URL "
                    + "where known; with q, 'highlights' holds passages of question and answer with the matched words "
                    + "in <mark>. Follow 'next' for the following page. The deprecated page/size parameters answer "
                    + "{items, page, size, total} with a Deprecation header.")
    @ApiResponse(responseCode = "200", description = "A page of questions")
    @GetMapping
    public ResponseEntity<Object> list(@Valid @ParameterObject SearchQuery query, HttpServletRequest request) {
        return Listing.answer(query, request, search::questions);
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
        return found(search, store, id);
    }

    /** From the index; from MongoDB, the system of record, while the index has not caught up. */
    static Map<String, Object> found(IndexSearch search, QueryStore store, String id) {
        return search.question(id).or(() -> store.question(id))
                .orElseThrow(() -> new NotFoundException("No question with id '" + id + "'"));
    }
}
