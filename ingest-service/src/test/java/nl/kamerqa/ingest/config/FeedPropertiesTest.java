package nl.kamerqa.ingest.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedPropertiesTest {

    private static FeedProperties bind(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("kamerqa.feeds", FeedProperties.class);
    }

    @Test
    void everySourceIsOffInTheServiceSettingsSoTheLocalStackWorksOffline() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load("ingest-service", new ClassPathResource("ingest-service.yml"))
                .forEach(environment.getPropertySources()::addLast);
        ConfigurationPropertySources.attach(environment);

        FeedProperties feeds = bind(environment);

        assertThat(feeds.syncfeed().enabled()).isFalse();
        assertThat(feeds.odata().enabled()).isFalse();
        assertThat(feeds.sru().enabled()).isFalse();
        assertThat(feeds.folder().enabled()).isFalse();
        assertThat(feeds.syncfeed().soorten()).contains("Antwoord schriftelijke vragen", "Mededeling (uitstel antwoord)");
        assertThat(feeds.sru().publicatienamen()).containsExactly("Kamervragen (Aanhangsel)", "Kamerstuk");
        assertThat(feeds.sru().manifestations()).containsExactly("xml", "html", "pdf");
        assertThat(feeds.userAgent()).startsWith("kamerqa-ingest/");
    }

    @Test
    void environmentStyleKeysSwitchASourceOnAndTuneIt() {
        // environment variables, bound by relaxed names as Boot does from the system environment
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("KAMERQA_FEEDS_ODATA_ENABLED", "true", "KAMERQA_FEEDS_ODATA_VERSION", "V5",
                                "KAMERQA_FEEDS_ODATA_POLITENESS_PAUSE", "3s",
                                "KAMERQA_FEEDS_ODATA_MAPPING_NUMMER", "Document/DocumentNummer")));
        ConfigurationPropertySources.attach(env);

        FeedProperties feeds = bind(env);

        assertThat(feeds.odata().enabled()).isTrue();
        assertThat(feeds.odata().version()).isEqualTo("v5");
        assertThat(feeds.odata().politeness().pause()).isEqualTo(Duration.ofSeconds(3));
        assertThat(feeds.odata().effectiveMapping().nummer()).isEqualTo("Document/DocumentNummer");
        assertThat(feeds.odata().effectiveMapping().entitySet()).isEqualTo("DocumentVersie");
        assertThat(feeds.syncfeed().enabled()).isFalse();
    }

    @Test
    void unknownODataVersionIsRefusedAtStartUp() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("t",
                java.util.Map.of("kamerqa.feeds.odata.version", "v3")));

        assertThatThrownBy(() -> bind(env)).hasRootCauseMessage("kamerqa.feeds.odata.version must be v4 or v5, was v3");
    }
}
