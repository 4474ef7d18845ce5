package nl.kamerqa.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of a record in event-contracts' sources (its first paragraph and its {@code @param}s), so the schemas
 * describe the fields in the words the records already use instead of a second copy of them.
 */
final class RecordJavadoc {

    static final Path SOURCES = Path.of("src/main/java/nl/kamerqa/contracts");

    private static final Pattern PARAM = Pattern.compile("^@param\\s+(\\w+)\\s+(.*?)(?=^@\\w+|\\z)",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern BLOCK_TAG = Pattern.compile("^@\\w+", Pattern.MULTILINE);
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|value)\\s+([^}]*)}");

    final String summary;
    final Map<String, String> params;

    private RecordJavadoc(String summary, Map<String, String> params) {
        this.summary = summary;
        this.params = params;
    }

    /** The Javadoc right before the declaration of {@code type} (a top-level or nested record), empty when none. */
    static RecordJavadoc of(Class<?> type) {
        Class<?> topLevel = type;
        while (topLevel.getEnclosingClass() != null) {
            topLevel = topLevel.getEnclosingClass();
        }
        String source = read(SOURCES.resolve(topLevel.getSimpleName() + ".java"));
        // the last comment before "record Name(", past any annotations
        Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public\\s+(?:static\\s+)?"
                + "(?:final\\s+)?(?:record|class|enum)\\s+" + type.getSimpleName() + "\\b", Pattern.DOTALL).matcher(source);
        if (!m.find()) {
            return new RecordJavadoc(null, Map.of());
        }
        String text = m.group(1).replaceAll("(?m)^\\s*\\*( |$)", "");
        Matcher tag = BLOCK_TAG.matcher(text);
        int firstTag = tag.find() ? tag.start() : -1;
        Map<String, String> params = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(firstTag < 0 ? "" : text.substring(firstTag));
        while (param.find()) {
            params.put(param.group(1), plain(param.group(2)));
        }
        return new RecordJavadoc(plain(firstTag < 0 ? text : text.substring(0, firstTag)), params);
    }

    /** Javadoc markup to plain text on one line: inline tags keep their words, entities their character. */
    private static String plain(String javadoc) {
        String text = INLINE_TAG.matcher(javadoc).replaceAll(r -> Matcher.quoteReplacement(r.group(1).replace('#', '.')))
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the schemas are generated from the sources; run the test in event-contracts", e);
        }
    }
}
