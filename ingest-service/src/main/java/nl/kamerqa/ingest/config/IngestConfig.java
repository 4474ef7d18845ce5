package nl.kamerqa.ingest.config;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class IngestConfig {

    /** Room for the form fields (sourceUrl, title, documentId) and part headers next to the file. */
    static final DataSize MULTIPART_OVERHEAD = DataSize.ofMegabytes(1);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Multipart limits derived from {@code kamerqa.ingest.max-document-size}, so the servlet container and the
     * intake agree on one number; replaces Boot's bean, so {@code spring.servlet.multipart.max-*} are not used.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(KamerqaProperties properties) {
        DataSize max = properties.ingest().maxDocumentSize();
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(max);
        factory.setMaxRequestSize(DataSize.ofBytes(max.toBytes() + MULTIPART_OVERHEAD.toBytes()));
        // small uploads stay in memory, large ones are spooled to a temporary file while the request is parsed
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
