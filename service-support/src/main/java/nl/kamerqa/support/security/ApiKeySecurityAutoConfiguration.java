package nl.kamerqa.support.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API-key check of every service, with Spring Security: one stateless filter chain (no session, no CSRF token,
 * no login form or basic auth: the clients are programs sending {@code X-API-Key}) whose
 * {@link ApiKeyAuthenticationFilter} turns a right key into its roles and whose {@link ApiKeyRefusals} answer a
 * refused request as a problem detail. A service states only its {@link ApiKeyRules} (and, for keys beside the API
 * key, {@link AdditionalApiKeys}); async and error dispatches (server-sent events, error pages) and whatever no rule
 * names are permitted. Health details follow {@code management.endpoint.health.show-details: when-authorized} with
 * {@code roles: api-key}: Spring Security answers the actuator's question about the caller's role.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, DispatcherServlet.class})
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiKeySecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiKeySecurityAutoConfiguration.class);

    /** A bean, so Boot creates no user with a generated password. */
    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeyProperties properties,
                                                              ObjectProvider<AdditionalApiKeys> additional) {
        ApiKeyAuthenticationProvider provider = new ApiKeyAuthenticationProvider(properties,
                additional.orderedStream().toList());
        if (!properties.hasApiKey()) {
            log.warn("kamerqa.security.api-key (KAMERQA_API_KEY) is not set: {}", provider.anyConfigured()
                    ? "only the endpoints further keys open accept a key, the others answer 403"
                    : "every endpoint that needs the key answers 403");
        }
        return provider;
    }

    @Bean
    ApiKeyRefusals apiKeyRefusals(ApiKeyAuthenticationProvider keys,
                                  @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                                  ObjectProvider<ApiKeyRefusalListener> listeners) {
        return new ApiKeyRefusals(keys, resolver, listeners.orderedStream().toList());
    }

    /** A URL the firewall refuses is answered as a problem detail too. */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler firewallRejections(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new FirewallRejections(resolver);
    }

    /**
     * The rules' paths match whatever their case, so {@code /API/Admin} needs the key like {@code /api/admin}
     * (Spring MVC would not route it, but no spelling should rely on that). Odd spellings such as
     * {@code /api//admin} or {@code /api/admin;x=1} never get this far: Spring Security's firewall answers 400.
     */
    @Bean
    @ConditionalOnMissingBean
    PathPatternRequestMatcher.Builder apiKeyPathPatternRequestMatcherBuilder(
            ObjectProvider<DispatcherServletPath> dispatcherServletPath) {
        PathPatternParser parser = new PathPatternParser();
        parser.setCaseSensitive(false);
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withPathPatternParser(parser);
        DispatcherServletPath servletPath = dispatcherServletPath.getIfAvailable();
        return servletPath == null || "/".equals(servletPath.getPath()) ? builder
                : builder.basePath(servletPath.getPath());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiKeySecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider keys,
                                                  ApiKeyRefusals refusals, ObjectProvider<ApiKeyRules> rules)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(new ProviderManager(keys)),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .authorizeHttpRequests(requests -> {
                    // the request itself was checked already: a stream's later dispatches and error pages pass
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    rules.orderedStream().forEach(rule -> rule.apply(requests));
                    requests.anyRequest().permitAll();
                });
        return http.build();
    }
}
