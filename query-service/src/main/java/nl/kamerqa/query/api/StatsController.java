package nl.kamerqa.query.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.kamerqa.query.index.IndexFields;
import nl.kamerqa.query.search.AnswerTime;
import nl.kamerqa.query.search.QuestionCounts;
import nl.kamerqa.query.search.Statistics;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Plain JSON for dashboards (a Grafana JSON datasource) and notebooks. */
@Tag(name = "Statistics", description = "Counts and answer times for dashboards")
@ApiResponse(responseCode = "400", description = "A parameter is malformed; the problem names it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@RestController
@RequestMapping(path = "/api/stats", produces = "application/json")
public class StatsController {

    private final Statistics statistics;

    public StatsController(Statistics statistics) {
        this.statistics = statistics;
    }

    @Operation(operationId = "countQuestions", summary = "Questions counted per party, year, month, answeredBy or genre",
            description = "{by, total, counts: [{value, count}]}, most frequent first; year is the submission year, "
                    + "or the year the vergaderjaar began for undated documents; month (yyyy-MM) only for dated ones; "
                    + "answeredBy is the answering ministry.")
    @ApiResponse(responseCode = "200", description = "The counts")
    @GetMapping("/questions")
    public QuestionCounts questions(
            @Parameter(description = "party, year, month, answeredBy or genre") @RequestParam @FilterText String by,
            @Valid @ParameterObject StatsFilter filter) {
        if (!IndexFields.FACETS.contains(by)) {
            throw new BadParameterException("by", "must be one of " + String.join(", ", IndexFields.FACETS));
        }
        return statistics.questions(by, filter.filter());
    }

    @Operation(operationId = "answerTimes", summary = "Kamervragen answer time per ministry (median, p90, max days)",
            description = "Days from submission (ingezonden) to answer (ontvangen), per answering ministry, over the "
                    + "answered Kamervragen with both dates printed: {items: [{ministry, answered, medianDays, p90Days, maxDays}]}")
    @ApiResponse(responseCode = "200", description = "Answer times per ministry, by ministry name")
    @GetMapping("/answer-times")
    public Map<String, List<AnswerTime>> answerTimes(@Valid @ParameterObject StatsFilter filter) {
        return Map.of("items", statistics.answerTimes(filter.filter()));
    }
}
