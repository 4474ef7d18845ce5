package nl.kamerqa.parsing.config;

import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parsing.DeliveryTraces;
import nl.kamerqa.parsing.ParsedDocumentPublisher;
import nl.kamerqa.parsing.ParserMetrics;
import nl.kamerqa.parsing.ParsingService;
import nl.kamerqa.parsing.RawDocumentParser;
import nl.kamerqa.parsing.store.DocumentStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free domain classes. */
@Configuration(proxyBeanMethods = false)
public class ParsingConfig {

    /** Built once; the parser is immutable and thread-safe, so all listener threads share it. */
    @Bean
    QaParser qaParser() {
        return QaParser.create();
    }

    @Bean
    RawDocumentParser rawDocumentParser(QaParser parser) {
        return new RawDocumentParser(parser);
    }

    @Bean
    ParserMetrics parserMetrics(MeterRegistry registry) {
        return new ParserMetrics(registry);
    }

    @Bean
    ParsingService parsingService(RawDocumentParser parser, DocumentStore store, ParsedDocumentPublisher publisher,
                                  ParserMetrics metrics, DeliveryTraces traces) {
        return new ParsingService(parser, store, publisher, metrics, traces);
    }
}
