package nl.kamerqa.parsing.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.kamerqa.parsing.DeadLetters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin view of the dead-letter topic (API key required, see {@code SecurityConfig}): list what failed, and
 * re-drive it to the raw topic once the parser is fixed.
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = "application/json")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The newest entries first, each with its key, original position, exception and reason; consumes nothing. */
    @GetMapping
    public DeadLetters.Listing list(@RequestParam(defaultValue = "50") @Min(1) @Max(DeadLetters.MAX_LIST) int limit) {
        return deadLetters.list(limit);
    }

    /** Re-publishes the entries not re-driven before (at most {@code limit}) to the raw topic. */
    @PostMapping("/redrive")
    public Redriven redrive(@RequestParam(required = false) @Min(1) Integer limit) {
        return new Redriven(deadLetters.redrive(limit == null ? Integer.MAX_VALUE : limit));
    }

    /** @param redriven how many entries were re-published */
    public record Redriven(int redriven) {
    }
}
