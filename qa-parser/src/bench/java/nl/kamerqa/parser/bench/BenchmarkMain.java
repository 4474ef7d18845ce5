package nl.kamerqa.parser.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@link QaParserBenchmark} and prints, beside JMH's own table, the median throughput of the parse and
 * of the bare line scan from the same run, and their ratio.
 * Arguments: warm-up iterations, measurement iterations, seconds per iteration, forks.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int forks = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Options options = new OptionsBuilder()
                .include(QaParserBenchmark.class.getName())
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .forks(forks).threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double parse = Double.NaN;
        double scan = Double.NaN;
        for (RunResult result : results) {
            double median = median(result);
            if (result.getParams().getBenchmark().endsWith(".parse")) {
                parse = median;
            } else {
                scan = median;
            }
        }
        double kib = QaParserBenchmark.read().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024.0;
        System.out.printf(Locale.ROOT, "%n== qa-parser throughput on the sample (%.0f KiB), medians of %d x %d s, %d fork(s)%n",
                kib, iterations, seconds, forks);
        System.out.printf(Locale.ROOT, "parse     %12.1f ops/s  (%8.2f MiB/s)%n", parse, parse * kib / 1024);
        System.out.printf(Locale.ROOT, "lineScan  %12.1f ops/s  (%8.2f MiB/s)%n", scan, scan * kib / 1024);
        System.out.printf(Locale.ROOT, "ratio     lineScan / parse = %.1f (the parse runs at %.2f%% of a bare line scan)%n",
                scan / parse, 100 * parse / scan);
    }

    private static double median(RunResult result) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        scores.sort(Double::compare);
        int n = scores.size();
        return n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
    }
}
