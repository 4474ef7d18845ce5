import nl.kamerqa.parser.QaParser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * CPU time of {@code QaParser.parse} per document, for comparing two builds of the parser on a busy machine: the
 * parsing thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime}) is not inflated by other processes the way
 * wall time is. Launched in source mode against a qa-parser.jar by {@code run.sh}; prints one line per file: the
 * median of the rounds in ms per parse and MiB/s.
 * <p>
 * Arguments: warm-up parses per file, rounds, parses per round, files.
 */
public class ParseCost {

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        QaParser parser = QaParser.create();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int f = 3; f < args.length; f++) {
            Path file = Path.of(args[f]);
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < warmup; i++) {
                sink += parser.parse(bytes).questions().size();
            }
            double[] msPerParse = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    sink += parser.parse(bytes).questions().size();
                }
                msPerParse[r] = (cpu.getCurrentThreadCpuTime() - start) / 1e6 / perRound;
            }
            Arrays.sort(msPerParse);
            double median = msPerParse[rounds / 2];
            double mibPerS = bytes.length / 1048576.0 / (median / 1000);
            System.out.printf(Locale.ROOT, "%-40s %8d bytes  median %8.3f ms/parse  (min %.3f, max %.3f)  %7.2f MiB/s%n",
                    file.getFileName(), bytes.length, median, msPerParse[0], msPerParse[rounds - 1], mibPerS);
        }
        System.out.println("questions seen (keeps the work alive): " + sink);
    }
}
