package nl.kamerqa.ingest.feed;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sources and their state, for the admin endpoint. */
public class FeedSources {

    private final List<FeedPoller> pollers;
    private final SourceStates states;
    private final FeedScheduler scheduler;

    // the order the admin endpoint lists them in
    private static final List<String> ORDER = List.of("syncfeed", "odata", "sru", "folder");

    public FeedSources(List<FeedPoller> pollers, SourceStates states, FeedScheduler scheduler) {
        this.pollers = pollers.stream().sorted(java.util.Comparator
                .comparingInt((FeedPoller p) -> ORDER.contains(p.name()) ? ORDER.indexOf(p.name()) : ORDER.size())
                .thenComparing(FeedPoller::name)).toList();
        this.states = states;
        this.scheduler = scheduler;
    }

    /**
     * Every configured source, in a fixed order, with its stored state.
     *
     * @throws SourceStateUnavailableException when the store cannot answer
     */
    public List<SourceStatus> status() {
        Map<String, SourceState> stored = states.all().stream()
                .collect(Collectors.toMap(SourceState::name, Function.identity(), (a, b) -> a));
        return pollers.stream().map(p -> {
            SourceState s = stored.getOrDefault(p.name(), SourceState.empty(p.name()));
            return new SourceStatus(p.name(), p.enabled(), s.checkpoint(), s.lastSuccess(), s.lastError(),
                    s.lastErrorAt(), s.counts(), scheduler.nextPollAt(p.name()).orElse(null));
        }).toList();
    }
}
