package nl.kamerqa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The API key of a local stack: KAMERQA_API_KEY when set; otherwise one made at the first start and kept in
 * {@code <data dir>/api-key}, so curl commands keep working across restarts and no key is ever committed.
 */
final class ApiKeys {

    static final String FILE_NAME = "api-key";

    private ApiKeys() {
    }

    static String forStack(LocalStack.Settings settings) {
        String fromEnvironment = System.getenv("KAMERQA_API_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        if (!settings.persistent()) {
            return random();
        }
        Path file = settings.dataDir().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String key = random();
            Files.createDirectories(settings.dataDir());
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the API key in " + file, e);
        }
    }

    static String describe(LocalStack.Settings settings) {
        String fromEnvironment = System.getenv("KAMERQA_API_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return "$KAMERQA_API_KEY";
        }
        return settings.dataDir().resolve(FILE_NAME).toString();
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
