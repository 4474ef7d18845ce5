package nl.kamerqa.query.api;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.kamerqa.query.search.SearchFilter;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;

/** The query parameters of {@code /api/questions} and {@code /api/documents}: all filters combine. */
public record SearchQuery(
        @Parameter(description = "Dutch full text in question and answer: stemmed, every word required, \"quoted phrases\" kept together")
        @FilterText String q,
        @Parameter(description = "Party, exact but any case; repeat for any of several (party=VVD&party=D66)")
        List<@FilterText String> party,
        @Parameter(description = "Only this document, e.g. kst-36200-VII-147") @FilterText String documentId,
        @Parameter(description = "Kamerstuk dossier, spaces and case ignored, e.g. 36200VII") @FilterText String dossier,
        @Parameter(description = "Genre, any case: KAMERVRAGEN, SCHRIFTELIJK_OVERLEG, LIJST_VAN_VRAGEN, ...") @FilterText String genre,
        @Parameter(description = "Words of the answering minister or ministry, e.g. Financiën") @FilterText String answeredBy,
        @Parameter(description = "Words of an asking member's name (Kamervragen)") @FilterText String asker,
        @Parameter(description = "Submission date on or after (ISO, 2022-01-01); undated documents never match")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "Submission date on or before (ISO)") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "Only answered (true) or unanswered (false) questions") Boolean answered,
        @Parameter(description = "relevance (default with q), date, or -date (default without q)")
        @Pattern(regexp = "relevance|date|-date", message = "must be one of relevance, date, -date") String sort,
        @Parameter(description = "Where to continue: the cursor of the previous page (its next link has it)")
        @Size(max = 600, message = "must be at most 600 characters") String cursor,
        @Parameter(description = "Results per page, 1 to 200 (default 20)")
        @Min(1) @Max(SearchParameters.MAX_LIMIT) Integer limit,
        @Parameter(description = "Comma-separated counts to add for the whole result: party, genre, year, answeredBy")
        @FilterText String facets,
        @Parameter(description = "Deprecated (use cursor): 0-based page number", deprecated = true)
        @Min(0) Integer page,
        @Parameter(description = "Deprecated (use limit): results per page, 1 to 100", deprecated = true)
        @Min(1) @Max(100) Integer size) {

    SearchFilter filter() {
        return SearchParameters.filter(q, party, documentId, dossier, genre, answeredBy, asker, from, to, answered);
    }

    /** Asked for the deprecated offset paging. */
    boolean legacyPaging() {
        return page != null || size != null;
    }
}
