package nl.kamerqa.query.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.kamerqa.query.Page;
import nl.kamerqa.query.PageRequest;
import nl.kamerqa.query.QueryStore;
import nl.kamerqa.query.QuestionFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

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
    @GetMapping
    public Page<Map<String, Object>> list(
            @RequestParam(required = false) @FilterText String party,
            @RequestParam(required = false) @FilterText String documentId,
            @RequestParam(required = false) @FilterText String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return store.questions(new QuestionFilter(party, documentId, q), new PageRequest(page, size));
    }

    /** One question; the id is documentId + "#" + number, so clients send the '#' as %23. */
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable @FilterText String id) {
        return found(store, id);
    }

    static Map<String, Object> found(QueryStore store, String id) {
        return store.question(id).orElseThrow(() -> new NotFoundException("No question with id '" + id + "'"));
    }
}
