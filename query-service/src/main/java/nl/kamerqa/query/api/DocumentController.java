package nl.kamerqa.query.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.kamerqa.query.Page;
import nl.kamerqa.query.PageRequest;
import nl.kamerqa.query.QueryStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping(path = "/api/documents", produces = "application/json")
public class DocumentController {

    private final QueryStore store;

    public DocumentController(QueryStore store) {
        this.store = store;
    }

    /** Documents without their questions, most recently updated first. */
    @GetMapping
    public Page<Map<String, Object>> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return store.documents(new PageRequest(page, size));
    }

    /** One document with its questions ordered by seq. */
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable @FilterText String id) {
        return store.document(id).orElseThrow(() -> new NotFoundException("No document with id '" + id + "'"));
    }

    /** Friendlier alias of /api/questions/{documentId}%23{number}: no '#' to encode. */
    @GetMapping("/{documentId}/questions/{number}")
    public Map<String, Object> question(@PathVariable @FilterText String documentId,
                                        @PathVariable @FilterText String number) {
        return QuestionController.found(store, QueryStore.questionId(documentId, number));
    }
}
