package nl.kamerqa.ingest.config;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class IngestConfig {

    /** Room for the form fields (sourceUrl, title, documentId) and part headers next to the file(s). */
    public static final DataSize MULTIPART_OVERHEAD = DataSize.ofMegabytes(1);
    /** Parts a batch may carry beside its files (form fields), so only the controller counts the files. */
    static final int FORM_FIELD_PARTS = 16;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Multipart limits derived from {@code kamerqa.ingest.max-document-size} (per file) and
     * {@code kamerqa.ingest.batch.max-size} (a batch's files together), so the servlet container and the intake
     * agree on one number each; replaces Boot's bean, so {@code spring.servlet.multipart.max-*} are not used.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(KamerqaProperties properties) {
        DataSize max = properties.ingest().maxDocumentSize();
        long request = Math.max(max.toBytes(), properties.ingest().batch().maxSize().toBytes());
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(max);
        factory.setMaxRequestSize(DataSize.ofBytes(request + MULTIPART_OVERHEAD.toBytes()));
        // small uploads stay in memory, large ones are spooled to a temporary file while the request is parsed
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }

    /**
     * Tomcat refuses a request of more parts than {@code server.tomcat.max-part-count} (50) before the controller
     * could say why; raised to what {@code kamerqa.ingest.batch.max-parts} needs (a higher setting is kept). Runs
     * after Boot's own customizer, which sets that property on the connector.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> batchPartCount(KamerqaProperties properties) {
        int needed = properties.ingest().batch().maxParts() + FORM_FIELD_PARTS;
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setMaxPartCount(Math.max(connector.getMaxPartCount(), needed)));
    }
}
