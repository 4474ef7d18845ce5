package nl.kamerqa.support.security;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.http.HttpServletRequest;
import nl.kamerqa.support.ApiKeyDigest;
import nl.kamerqa.support.web.ServiceExceptionHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The kit's key check once for all services, on a tiny app whose rules are those the services state: every method
 * under {@code /api/admin}, the write methods elsewhere under {@code /api}, and an upload that a further key's role
 * opens too.
 */
@WebMvcTest(properties = {"kamerqa.security.api-key=" + ApiKeySecurityAutoConfigurationTest.KEY,
        "test.upload-key=" + ApiKeySecurityAutoConfigurationTest.UPLOAD_KEY})
@ContextConfiguration(classes = {ApiKeySecurityAutoConfigurationTest.Endpoints.class,
        ApiKeySecurityAutoConfigurationTest.Problems.class, ApiKeySecurityAutoConfigurationTest.Rules.class})
class ApiKeySecurityAutoConfigurationTest {

    static final String KEY = "s3cret-kit-key";
    static final String UPLOAD_KEY = "upload-only-key";
    static final String UPLOADS_ONLY = "this key may only upload";

    @Autowired
    MockMvc mvc;
    @Autowired
    List<String> refusals;

    @BeforeEach
    void forgetRefusals() {
        refusals.clear();
    }

    @Test
    void guardedEndpointWithoutAKeyIs401ProblemNamingTheHeader() throws Exception {
        for (String sent : new String[]{null, ""}) {
            var request = post("/api/things");
            if (sent != null) {
                request.header(ApiKeyAuthenticationFilter.HEADER, sent);
            }
            problem(mvc.perform(request), 401, "Unauthorized", ApiKeyRefusals.MISSING)
                    .andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-API-Key\""));
        }
        problem(mvc.perform(get("/api/admin/things")), 401, "Unauthorized", ApiKeyRefusals.MISSING);
        assertThat(refusals).containsExactly("401 POST /api/things", "401 POST /api/things", "401 GET /api/admin/things");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong", "s3cret-kit-ke", "s3cret-kit-key ", "S3CRET-KIT-KEY", "s3cret-kit-key-and-more"})
    void wrongKeyIs403WithoutAChallenge(String key) throws Exception {
        problem(mvc.perform(delete("/api/things").header(ApiKeyAuthenticationFilter.HEADER, key)), 403, "Forbidden",
                ApiKeyRefusals.INVALID)
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        problem(mvc.perform(get("/api/admin/things").header(ApiKeyAuthenticationFilter.HEADER, key)), 403,
                "Forbidden", ApiKeyRefusals.INVALID);
    }

    @Test
    void rightKeyPassesEveryRuleWithoutASessionOrCsrfToken() throws Exception {
        MvcResult result = mvc.perform(post("/api/things").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value("post"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).as("stateless").isNull();
        mvc.perform(get("/api/admin/things").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(status().isOk());
        mvc.perform(post("/api/uploads").header(ApiKeyAuthenticationFilter.HEADER, KEY)).andExpect(status().isOk());
        assertThat(refusals).isEmpty();
    }

    @Test
    void readsAndUnnamedPathsArePublicEvenWithAWrongKey() throws Exception {
        mvc.perform(get("/api/things")).andExpect(status().isOk()).andExpect(jsonPath("$.done").value("get"));
        mvc.perform(get("/api/things").header(ApiKeyAuthenticationFilter.HEADER, "wrong")).andExpect(status().isOk());
        mvc.perform(get("/index.html")).andExpect(status().isNotFound());
        mvc.perform(post("/not-under-api")).andExpect(status().isNotFound());
        assertThat(refusals).isEmpty();
    }

    @Test
    void aFurtherKeyOpensOnlyWhatItsRoleOpensAndIsToldWhy() throws Exception {
        mvc.perform(post("/api/uploads").header(ApiKeyAuthenticationFilter.HEADER, UPLOAD_KEY))
                .andExpect(status().isOk());
        problem(mvc.perform(get("/api/admin/things").header(ApiKeyAuthenticationFilter.HEADER, UPLOAD_KEY)), 403,
                "Forbidden", UPLOADS_ONLY);
        problem(mvc.perform(post("/api/things").header(ApiKeyAuthenticationFilter.HEADER, UPLOAD_KEY)), 403,
                "Forbidden", UPLOADS_ONLY);
    }

    /** What the actuator asks for {@code show-details: when-authorized} with {@code roles: api-key}. */
    @Test
    void theKeyIsAUserInTheApiKeyRoleAndAnythingElseIsNoUser() throws Exception {
        mvc.perform(get("/api/whoami").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(jsonPath("$.user").value(keyId(KEY)))
                .andExpect(jsonPath("$.apiKey").value(true));
        mvc.perform(get("/api/whoami").header(ApiKeyAuthenticationFilter.HEADER, UPLOAD_KEY))
                .andExpect(jsonPath("$.apiKey").value(false));
        for (String other : new String[]{"wrong", ""}) {
            mvc.perform(get("/api/whoami").header(ApiKeyAuthenticationFilter.HEADER, other))
                    .andExpect(jsonPath("$.user").value("none"))
                    .andExpect(jsonPath("$.apiKey").value(false));
        }
    }

    /** Server-sent events answer on an async dispatch, where the key is not read again. */
    @Test
    void asyncAnswerOfAGuardedEndpointIsDelivered() throws Exception {
        MvcResult started = mvc.perform(get("/api/admin/slow").header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andExpect(jsonPath("$.done").value("slow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/API/ADMIN/things", "/Api/Things"})
    void otherCaseSpellingsOfAGuardedPathNeedTheKeyToo(String path) throws Exception {
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path)
                .isEqualTo(path.contains("ADMIN") ? 401 : 404);
        assertThat(mvc.perform(post(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api//admin/things", "/api/admin;x=1/things", "/api/admin/./things", "/api/x/../admin/things",
            "/api/admin%2Fthings",
            "/api/admin/things%0A"})
    void oddSpellingsAreRefusedByTheFirewallBeforeAnyRuleAsAProblem(String path) throws Exception {
        mvc.perform(get(URI.create(path)).header(ApiKeyAuthenticationFilter.HEADER, KEY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("refused before reaching the service")));
        assertThat(refusals).as("not the key's refusal").isEmpty();
    }

    /** The kit's shared exception handler, which every service's handler extends. */
    @Test
    void unexpectedFailureIsA500ProblemWithoutInternals() throws Exception {
        problem(mvc.perform(get("/api/boom")), 500, "Internal error",
                "The request failed unexpectedly; see the service log");
    }

    @Test
    void keysAreComparedOnlyAsDigestsInConstantTime() {
        JavaClasses kit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.kamerqa.support");
        classes().that().haveSimpleName("ApiKeyAuthenticationProvider")
                .should().callMethod(ApiKeyDigest.class, "matchesDigest", byte[].class)
                .check(kit);
        noClasses().that().haveSimpleName("ApiKeyAuthenticationProvider")
                .should().callMethod(String.class, "equals", Object.class)
                .orShould().callMethod(Arrays.class, "equals", byte[].class, byte[].class)
                .check(kit);
        noClasses().that().doNotHaveSimpleName("ApiKeyDigest")
                .should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .check(kit);
    }

    /** No key configured: every guarded endpoint is switched off, whatever key a client sends. */
    @Nested
    @TestPropertySource(properties = {"kamerqa.security.api-key=", "test.upload-key="})
    class WithoutAConfiguredKey {

        @ParameterizedTest
        @ValueSource(strings = {"", "anything", KEY})
        void everyGuardedRequestIs403SayingHowToEnableThem(String key) throws Exception {
            problem(mvc.perform(post("/api/things").header(ApiKeyAuthenticationFilter.HEADER, key)), 403, "Forbidden",
                    ApiKeyRefusals.DISABLED).andExpect(header().doesNotExist("WWW-Authenticate"));
            problem(mvc.perform(get("/api/admin/things")), 403, "Forbidden", ApiKeyRefusals.DISABLED);
            mvc.perform(get("/api/things")).andExpect(status().isOk());
        }
    }

    private static ResultActions problem(ResultActions result, int status, String title, String detail)
            throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.instance", containsString("/")));
    }

    private static String keyId(String key) {
        return java.util.HexFormat.of().formatHex(ApiKeyDigest.sha256(key), 0, 8);
    }

    @RestController
    static class Endpoints {

        @RequestMapping(path = {"/api/things", "/api/admin/things", "/api/uploads"},
                method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.DELETE})
        Map<String, String> answer(HttpServletRequest request) {
            return Map.of("done", request.getMethod().toLowerCase(java.util.Locale.ROOT));
        }

        @GetMapping("/api/admin/slow")
        Callable<Map<String, String>> slow() {
            return () -> Map.of("done", "slow");
        }

        @GetMapping("/api/boom")
        Map<String, String> boom() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/api/whoami")
        Map<String, Object> whoami(HttpServletRequest request) {
            return Map.of("user", request.getRemoteUser() == null ? "none" : request.getRemoteUser(),
                    "apiKey", request.isUserInRole(ApiKeyRules.API_KEY));
        }
    }

    @RestControllerAdvice
    static class Problems extends ServiceExceptionHandler {
    }

    @TestConfiguration
    static class Rules {

        @Bean
        ApiKeyRules rules() {
            return requests -> {
                requests.requestMatchers(HttpMethod.POST, "/api/uploads").hasAnyRole(ApiKeyRules.API_KEY, "uploader");
                requests.requestMatchers("/api/admin/**").hasRole(ApiKeyRules.API_KEY);
                ApiKeyRules.writes(requests, "/api/**", ApiKeyRules.API_KEY);
            };
        }

        @Bean
        AdditionalApiKeys uploadKeys(@Value("${test.upload-key}") String key) {
            return new AdditionalApiKeys("uploader", List.of(key), UPLOADS_ONLY);
        }

        @Bean
        List<String> refusals() {
            return new ArrayList<>();
        }

        @Bean
        ApiKeyRefusalListener recorder(List<String> refusals) {
            return (request, status, detail) -> refusals.add(status.value() + " " + request.getMethod() + " "
                    + request.getRequestURI());
        }
    }
}
