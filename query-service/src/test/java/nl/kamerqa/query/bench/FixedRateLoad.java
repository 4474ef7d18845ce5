package nl.kamerqa.query.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop load at a fixed rate (benchmark tool, not a test): requests are started on a schedule whatever the
 * server's latency, and each latency is measured from the moment its request was due, so a server that falls behind
 * shows it in the percentiles (wrk measures how fast a closed loop of connections can go, which says little about
 * the latency at a given rate). Usage: {@code FixedRateLoad URL RATE SECONDS}; prints the achieved rate and p50, p90,
 * p99 and max latency of the 2xx answers, and the number of other answers and failures.
 */
public final class FixedRateLoad {

    private FixedRateLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build();
        // a short warm-up at the same rate, not counted
        run(http, request, rate, Math.max(1, seconds / 5), new ArrayList<>(), new AtomicInteger(), new AtomicInteger());

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger notOk = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        int sent = run(http, request, rate, seconds, latencies, notOk, failed);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("fixed rate %d req/s for %d s: %s%n", rate, seconds, url);
        System.out.printf("  sent %d, 2xx %d, other status %d, failed %d, achieved %.1f req/s%n",
                sent, sorted.size(), notOk.get(), failed.get(), sorted.size() / elapsed);
        System.out.printf("  latency from the scheduled start: p50 %s  p90 %s  p99 %s  max %s%n",
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 1.0));
        System.exit(0);
    }

    /** Sends {@code rate × seconds} requests on schedule and waits for all answers; returns how many were sent. */
    private static int run(HttpClient http, HttpRequest request, int rate, int seconds, List<Long> latencies,
                           AtomicInteger notOk, AtomicInteger failed) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                } else if (response.statusCode() / 100 == 2) {
                    latencies.add(System.nanoTime() - due);
                } else {
                    notOk.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return total;
    }

    private static String ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int at = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.2f ms", sorted.get(Math.max(0, at)) / 1e6);
    }
}
