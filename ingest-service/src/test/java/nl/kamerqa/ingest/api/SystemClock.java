package nl.kamerqa.ingest.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The real clock, for the upload slices that do not move time by hand. */
@TestConfiguration(proxyBeanMethods = false)
class SystemClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
