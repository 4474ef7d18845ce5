package nl.kamerqa.query.api;

import com.mongodb.MongoTimeoutException;
import nl.kamerqa.query.QueryStore;
import nl.kamerqa.query.StoreUnavailableException;
import nl.kamerqa.query.search.IndexSearch;
import nl.kamerqa.query.search.SearchFilter;
import nl.kamerqa.query.search.SearchResult;
import nl.kamerqa.query.search.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** HTTP edge cases of the API with the store mocked: what is rejected, with which status and message. */
@WebMvcTest(controllers = {DocumentController.class, QuestionController.class})
class QueryApiHttpEdgeCaseTest {

    private static final String DOC = "kst-36200-VII-147";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryStore store;
    @MockitoBean
    IndexSearch search;

    private static final SearchResult NOTHING = new SearchResult(List.of(), 0, null, Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"/api/documents", "/api/questions"})
    void negativePageIsRejected(String path) throws Exception {
        expectBadRequest(mvc.perform(get(path).param("page", "-1")), "page")
                .andExpect(jsonPath("$.detail", containsString("greater than or equal to 0")));
        verifyNoInteractions(store, search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "101", "1000"})
    void sizeOutsideOneToHundredIsRejected(String size) throws Exception {
        expectBadRequest(mvc.perform(get("/api/questions").param("size", size)), "size");
        expectBadRequest(mvc.perform(get("/api/documents").param("size", size)), "size");
        verifyNoInteractions(store, search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "99999999999"})
    void nonNumericPageOrSizeIsRejected(String value) throws Exception {
        expectBadRequest(mvc.perform(get("/api/questions").param("page", value)), "page")
                .andExpect(jsonPath("$.detail", containsString("must be of type integer")));
        expectBadRequest(mvc.perform(get("/api/documents").param("size", value)), "size");
        verifyNoInteractions(store, search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"party", "documentId", "q"})
    void filterTextLongerThan200CharactersIsRejected(String parameter) throws Exception {
        expectBadRequest(mvc.perform(get("/api/questions").param(parameter, "x".repeat(201))), parameter)
                .andExpect(jsonPath("$.detail", containsString("at most 200 characters")));
        verifyNoInteractions(store, search);
    }

    @Test
    void filterTextOfExactly200CharactersIsAccepted() throws Exception {
        when(search.questions(any())).thenReturn(NOTHING);
        mvc.perform(get("/api/questions").param("q", "x".repeat(200))).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"D66\u0000", "D66\n", "\tD66", "D\u007f66", "D66\u0085"})
    void filterTextWithControlCharactersIsRejected(String value) throws Exception {
        // (party is a list: Spring trims its values, which drops control characters at either end)
        for (String parameter : List.of("documentId", "q", "dossier", "answeredBy", "asker")) {
            expectBadRequest(mvc.perform(get("/api/questions").param(parameter, value)), parameter)
                    .andExpect(jsonPath("$.detail", containsString("control characters")));
        }
        verifyNoInteractions(store, search);
    }

    @Test
    void idLongerThan200CharactersIsRejectedBeforeTheStore() throws Exception {
        String longId = "k".repeat(201);
        expectBadRequest(mvc.perform(get("/api/documents/{id}", longId)), "id");
        expectBadRequest(mvc.perform(get("/api/questions/{id}", longId)), "id");
        expectBadRequest(mvc.perform(get("/api/documents/{documentId}/questions/{number}", longId, "7")), "documentId");
        expectBadRequest(mvc.perform(get("/api/documents/{documentId}/questions/{number}", DOC, longId)), "number");
        verifyNoInteractions(store, search);
    }

    /**
     * An encoded line feed or NUL in the path is refused by Spring Security's firewall (service-support's key check)
     * before any controller, as a 400 problem that cannot name the parameter (it named {@code id} before).
     */
    @Test
    void idWithControlCharactersIsRejectedBeforeTheStore() throws Exception {
        expectProblem(mvc.perform(get(URI.create("/api/documents/kst%0A1"))), 400)
                .andExpect(jsonPath("$.detail", containsString("refused before reaching the service")));
        expectProblem(mvc.perform(get(URI.create("/api/questions/kst-1%2300%00"))), 400);
        verifyNoInteractions(store, search);
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() throws Exception {
        expectBadRequest(mvc.perform(get("/api/questions").param("page", "-1").param("size", "0")
                .param("party", "x".repeat(201))), "page")
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.detail", containsString("size")))
                .andExpect(jsonPath("$.detail", containsString("party")));
    }

    @Test
    void validParametersReachTheStoreTrimmedWithBlankOnesDropped() throws Exception {
        when(search.questions(any())).thenReturn(new SearchResult(List.of(Map.of("id", DOC + "#7")), 11, null, Map.of()));

        mvc.perform(get("/api/questions").param("party", " d66 ").param("documentId", "").param("q", "  ")
                        .param("page", "2").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[0].id").value(DOC + "#7"))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.total").value(11));

        SearchFilter trimmed = new SearchFilter(null, List.of("d66"), null, null, null, null, null, null, null, null);
        verify(search).questions(new IndexSearch.Request(trimmed, SortOrder.NEWEST_FIRST, null, 5, 10, List.of()));
    }

    @Test
    void pagingDefaultsToTwentyResults() throws Exception {
        when(search.documents(any())).thenReturn(NOTHING);
        mvc.perform(get("/api/documents").param("page", "0")).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(20));
        mvc.perform(get("/api/documents")).andExpect(status().isOk()).andExpect(jsonPath("$.items").isArray());
        verify(search, org.mockito.Mockito.times(2))
                .documents(new IndexSearch.Request(SearchFilter.ALL, SortOrder.NEWEST_FIRST, null, 20, 0, List.of()));
    }

    @Test
    void unknownDocumentIsA404WithTheId() throws Exception {
        when(store.document(anyString())).thenReturn(Optional.empty());
        expectProblem(mvc.perform(get("/api/documents/{id}", "kst-0-0")), 404)
                .andExpect(jsonPath("$.detail", containsString("kst-0-0")));
    }

    @Test
    void questionIdWithEncodedHashIsDecodedBeforeLookup() throws Exception {
        when(search.question(anyString())).thenReturn(Optional.empty());
        when(store.question(DOC + "#7")).thenReturn(Optional.of(Map.of("id", DOC + "#7")));
        mvc.perform(get(URI.create("/api/questions/" + DOC + "%237")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(DOC + "#7"));
        mvc.perform(get("/api/documents/{documentId}/questions/{number}", DOC, "7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(DOC + "#7"));
    }

    @Test
    void unknownQuestionIsA404OnBothPaths() throws Exception {
        when(search.question(anyString())).thenReturn(Optional.empty());
        when(store.question(anyString())).thenReturn(Optional.empty());
        expectProblem(mvc.perform(get(URI.create("/api/questions/" + DOC + "%2399"))), 404)
                .andExpect(jsonPath("$.detail", containsString(DOC + "#99")));
        expectProblem(mvc.perform(get("/api/documents/{documentId}/questions/{number}", DOC, "99")), 404)
                .andExpect(jsonPath("$.detail", containsString(DOC + "#99")));
    }

    @Test
    void unknownPathIsA404Problem() throws Exception {
        expectProblem(mvc.perform(get("/api/nothing-here")), 404);
    }

    @Test
    void unreachableDatabaseIsA503() throws Exception {
        when(store.document(anyString())).thenThrow(
                new StoreUnavailableException("timeout", new MongoTimeoutException("no server")));
        expectProblem(mvc.perform(get("/api/documents/{id}", DOC)), 503);
    }

    @Test
    void unexpectedFailureIsA500ProblemWithoutInternals() throws Exception {
        when(store.document(anyString())).thenThrow(new IllegalStateException("secret internals"));
        expectProblem(mvc.perform(get("/api/documents/{id}", DOC)), 500)
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("secret"))));
    }

    private static ResultActions expectBadRequest(ResultActions result, String parameter) throws Exception {
        return expectProblem(result, 400)
                .andExpect(jsonPath("$.title").value("Bad request parameter"))
                .andExpect(jsonPath("$.detail", containsString(parameter)));
    }

    private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
