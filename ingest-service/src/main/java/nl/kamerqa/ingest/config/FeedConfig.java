package nl.kamerqa.ingest.config;

import nl.kamerqa.ingest.DocumentIntake;
import nl.kamerqa.ingest.IngestMetrics;
import nl.kamerqa.ingest.feed.FeedEnvironment;
import nl.kamerqa.ingest.feed.FeedItems;
import nl.kamerqa.ingest.feed.FeedMetrics;
import nl.kamerqa.ingest.feed.FeedPoller;
import nl.kamerqa.ingest.feed.FeedScheduler;
import nl.kamerqa.ingest.feed.FeedSources;
import nl.kamerqa.ingest.feed.SourceStates;
import nl.kamerqa.ingest.feed.odata.ODataPoller;
import nl.kamerqa.ingest.feed.sru.SruPoller;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPoller;
import nl.kamerqa.ingest.folder.FolderWatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** The automated sources: one poller per source (all exist, the enabled ones are scheduled). */
@Configuration(proxyBeanMethods = false)
public class FeedConfig {

    @Bean
    FeedEnvironment feedEnvironment(DocumentIntake intake, SourceStates states, FeedItems items, FeedMetrics metrics,
                                    Clock clock, FeedProperties properties) {
        return new FeedEnvironment(intake::accept, states, items, metrics, clock, intake.maxDocumentSize(),
                properties.userAgent());
    }

    @Bean
    SyncFeedPoller syncFeedPoller(FeedProperties properties, FeedEnvironment env) {
        return new SyncFeedPoller(properties.syncfeed(), env);
    }

    @Bean
    ODataPoller oDataPoller(FeedProperties properties, FeedEnvironment env) {
        return new ODataPoller(properties.odata(), env);
    }

    @Bean
    SruPoller sruPoller(FeedProperties properties, FeedEnvironment env) {
        return new SruPoller(properties.sru(), env);
    }

    @Bean
    FolderWatcher folderWatcher(FeedProperties properties, FeedEnvironment env) {
        return new FolderWatcher(properties.folder(), env);
    }

    @Bean
    FeedScheduler feedScheduler(List<FeedPoller> pollers, SourceStates states, FeedMetrics metrics, Clock clock,
                                IngestMetrics ingestMetrics) {
        // the enabled sources' document series show zeros from the start
        pollers.stream().filter(FeedPoller::enabled).forEach(p -> ingestMetrics.register(p.name()));
        return new FeedScheduler(pollers, states, metrics, clock);
    }

    @Bean
    FeedSources feedSources(List<FeedPoller> pollers, SourceStates states, FeedScheduler scheduler) {
        return new FeedSources(pollers, states, scheduler);
    }
}
