package nl.kamerqa.ingest.feed;

import java.time.Clock;

/**
 * What every poller works with; one instance is shared by the pollers of the service.
 *
 * @param sink            where documents go ({@link nl.kamerqa.ingest.DocumentIntake#accept})
 * @param maxDocumentSize largest document taken in; larger downloads are refused while reading
 * @param userAgent       sent with every request
 */
public record FeedEnvironment(DocumentSink sink, SourceStates states, FeedItems items, FeedMetrics metrics,
                              Clock clock, long maxDocumentSize, String userAgent) {

    /** The same environment handing documents to another sink (tests simulate crashes this way). */
    public FeedEnvironment withSink(DocumentSink other) {
        return new FeedEnvironment(other, states, items, metrics, clock, maxDocumentSize, userAgent);
    }
}
