package nl.kamerqa.parsing.config;

import nl.kamerqa.parsing.api.ApiKeyInterceptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API key guards {@code /api/**} only: the actuator (health probes, Prometheus) stays public. Enables its
 * settings itself, so that web slice tests (which skip the properties scan) see them too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class WebConfig implements WebMvcConfigurer {

    private final SecurityProperties security;

    public WebConfig(SecurityProperties security) {
        this.security = security;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // admin: every method, reads included (a dead-letter listing shows document content and failure details)
        registry.addInterceptor(new ApiKeyInterceptor(security.apiKey(), true))
                .addPathPatterns("/api/admin", "/api/admin/**");
        // elsewhere under /api: write methods only, reads stay public
        registry.addInterceptor(new ApiKeyInterceptor(security.apiKey(), false))
                .addPathPatterns("/api/**")
                .excludePathPatterns("/api/admin", "/api/admin/**");
    }
}
