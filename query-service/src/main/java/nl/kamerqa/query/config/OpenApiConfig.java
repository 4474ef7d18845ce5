package nl.kamerqa.query.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import nl.kamerqa.support.security.ApiKeyAuthenticationFilter;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The OpenAPI 3 document served at {@code /v3/api-docs}, for reading the API and generating clients. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    /** Only the public API; actuator and the web page are not part of the contract. */
    static final String DOCUMENTED_PATHS = "/api/**";
    /** The security scheme the admin endpoints name ({@code @SecurityRequirement}): the key in its header. */
    public static final String API_KEY_SCHEME = "apiKey";

    @Bean
    OpenAPI kamerqaOpenApi() {
        return new OpenAPI().info(new Info()
                .title("kamerqa query API")
                .version(buildVersion())
                .description("""
                        Read-only access to the questions and answers that kamerqa extracts from Dutch \
                        parliamentary documents: Kamervragen with their answers, reports of a schriftelijk overleg, \
                        and lijsten van vragen en antwoorden. Documents are listed without their questions; a \
                        question's id is its documentId + "#" + number. Lists answer {items, total, next, cursor, \
                        facets}: follow next for the following page. A parameter an endpoint does not take is \
                        refused, like a malformed one, with 400; errors are RFC 9457 problem details."""))
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name(ApiKeyAuthenticationFilter.HEADER)));
    }

    /**
     * springdoc.paths-to-match defaults to /api/** here rather than in query-service.yml, so the document stays
     * limited to the API however the service is configured; a value set in configuration still wins.
     */
    @Bean
    static BeanPostProcessor documentOnlyTheApi() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SpringDocConfigProperties springdoc
                        && (springdoc.getPathsToMatch() == null || springdoc.getPathsToMatch().isEmpty())) {
                    springdoc.setPathsToMatch(List.of(DOCUMENTED_PATHS));
                }
                return bean;
            }
        };
    }

    /** Implementation-Version from the jar manifest (Boot's parent writes it); "v1" when run from classes. */
    private static String buildVersion() {
        String version = OpenApiConfig.class.getPackage().getImplementationVersion();
        return version != null ? version : "v1";
    }
}
