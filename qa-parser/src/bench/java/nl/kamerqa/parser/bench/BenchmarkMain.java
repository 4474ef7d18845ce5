package nl.kamerqa.parser.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks and prints, beside JMH's own table, the medians of each from the same run and their ratios:
 * {@link QaParserBenchmark} (text parse against a bare line scan) and {@link PdfPathBenchmark} (the PDF path against
 * poppler's pdftotext on the same PDF, in pages per second).
 * Arguments: warm-up iterations, measurement iterations, seconds per iteration, forks, and which to run
 * ({@code all}, {@code text} or {@code pdf}).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int forks = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String which = args.length > 4 ? args[4] : "all";
        boolean pdftotext = pdftotextInstalled();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .forks(forks).threads(1)
                // PDFBox logs through Log4j's API; without a provider it would print an error per fork
                .jvmArgsAppend("-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                        "-Dlog4j2.simplelogLevel=OFF");
        if (!which.equals("pdf")) {
            options.include(QaParserBenchmark.class.getName());
        }
        if (!which.equals("text")) {
            options.include(PdfPathBenchmark.class.getName() + ".(qaParserParse|pdfboxExtract"
                    + (pdftotext ? "|pdftotext" : "") + ")$");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Double> medians = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            String copies = result.getParams().getParam("copies");
            medians.put(copies == null ? name : name + "@" + copies, median(result));
        }
        if (medians.containsKey("parse")) {
            double parse = medians.get("parse");
            double scan = medians.get("lineScan");
            double kib = QaParserBenchmark.read().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024.0;
            System.out.printf(Locale.ROOT, "%n== qa-parser throughput on the sample (%.0f KiB), medians of %d x %d s, %d fork(s)%n",
                    kib, iterations, seconds, forks);
            System.out.printf(Locale.ROOT, "parse     %12.1f ops/s  (%8.2f MiB/s)%n", parse, parse * kib / 1024);
            System.out.printf(Locale.ROOT, "lineScan  %12.1f ops/s  (%8.2f MiB/s)%n", scan, scan * kib / 1024);
            System.out.printf(Locale.ROOT, "ratio     lineScan / parse = %.1f (the parse runs at %.2f%% of a bare line scan)%n",
                    scan / parse, 100 * parse / scan);
        }
        if (medians.containsKey("qaParserParse@1")) {
            System.out.printf(Locale.ROOT, "%n== PDF path on %s (%d pages; x20 = %d pages), medians of %d x %d s, %d fork(s)%n",
                    PdfPathBenchmark.PDF, PdfPathBenchmark.PAGES, 20 * PdfPathBenchmark.PAGES, iterations, seconds, forks);
            for (String copies : List.of("1", "20")) {
                int pages = PdfPathBenchmark.PAGES * Integer.parseInt(copies);
                for (String name : List.of("qaParserParse", "pdfboxExtract", "pdftotext")) {
                    Double ops = medians.get(name + "@" + copies);
                    if (ops != null) {
                        System.out.printf(Locale.ROOT, "%-14s %3d pages %10.1f ops/s %10.1f pages/s%n", name, pages, ops, ops * pages);
                    }
                }
                Double ours = medians.get("qaParserParse@" + copies);
                Double poppler = medians.get("pdftotext@" + copies);
                if (ours != null && poppler != null) {
                    System.out.printf(Locale.ROOT, "ratio pdftotext / qaParserParse at %d pages = %.2f%n", pages, poppler / ours);
                } else if (!pdftotext) {
                    System.out.println("pdftotext is not installed (Debian: apt-get install poppler-utils): not measured");
                }
            }
        }
    }

    private static boolean pdftotextInstalled() {
        try {
            Process p = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
