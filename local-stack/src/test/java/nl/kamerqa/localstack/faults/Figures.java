package nl.kamerqa.localstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one scenario did, as one line: {@code faults: <scenario> sent=.. accepted=.. ... lost=..}, printed to the test
 * output and appended to {@code target/faults/figures.txt} (the numbers RELIABILITY.md quotes).
 *
 * @param sent             inputs sent
 * @param accepted         answered 202 by ingest-service (or, written straight to Kafka, acknowledged by the broker)
 * @param duplicateAnswers answered 200 DUPLICATE
 * @param rejected         answered 4xx
 * @param stored           stored with their questions
 * @param storedEmpty      well-formed input stored with zero questions
 * @param duplicated       documents stored twice plus question records beyond their document's questions
 * @param deadLettered     records on the dead-letter topic
 * @param lost             inputs not accounted for by any of the above
 * @param more             scenario-specific figures
 */
record Figures(String scenario, int sent, int accepted, int duplicateAnswers, int rejected, int stored,
               int storedEmpty, int duplicated, int deadLettered, int lost, Map<String, Object> more) {

    Figures {
        more = new LinkedHashMap<>(more);
    }

    String line() {
        String extra = more.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return ("faults: %s sent=%d accepted=%d duplicate=%d 4xx=%d stored=%d stored-empty=%d duplicated=%d "
                + "dead-lettered=%d lost=%d%s").formatted(scenario, sent, accepted, duplicateAnswers, rejected, stored,
                storedEmpty, duplicated, deadLettered, lost, extra.isEmpty() ? "" : " " + extra);
    }

    /** Prints the line and keeps it with the time of the run. */
    Figures report() {
        report(line());
        return this;
    }

    /** Prints a figures line and appends it, with the time, to {@code target/faults/figures.txt}. */
    static void report(String line) {
        System.out.println(line);
        try {
            Path file = Path.of("target", "faults", "figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
