package nl.kamerqa.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApplication {

    /** Settings live in {@code query-service.yml}, so the three services can share one JVM in local-stack. */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QueryApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
