package nl.kamerqa.query.api;

import io.swagger.v3.oas.annotations.Parameter;
import nl.kamerqa.query.search.SearchFilter;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;

/** The filters a statistic can be narrowed by; the same meaning as in {@code /api/questions}. */
public record StatsFilter(
        @Parameter(description = "Dutch full text in question and answer") @FilterText String q,
        @Parameter(description = "Party, exact but any case; repeatable") List<@FilterText String> party,
        @Parameter(description = "Kamerstuk dossier") @FilterText String dossier,
        @Parameter(description = "Genre, e.g. KAMERVRAGEN") @FilterText String genre,
        @Parameter(description = "Words of the answering minister or ministry") @FilterText String answeredBy,
        @Parameter(description = "Submission date on or after (ISO)") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "Submission date on or before (ISO)") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "Only answered (true) or unanswered (false)") Boolean answered) {

    SearchFilter filter() {
        return SearchParameters.filter(q, party, null, dossier, genre, answeredBy, null, from, to, answered);
    }
}
