package nl.kamerqa.query.config;

import nl.kamerqa.query.api.UnknownParameterCheck;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API refuses parameters it does not know ({@link UnknownParameterCheck}). */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UnknownParameterCheck()).addPathPatterns("/api/**");
    }
}
