package nl.kamerqa.ingest.feed.sru;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The CQL of an incremental poll, e.g.
 * {@code c.product-area==officielepublicaties AND (w.publicatienaam=="Kamervragen (Aanhangsel)" OR
 * w.publicatienaam==Kamerstuk) AND dt.modified>="2026-11-01" sortBy dt.modified/sort.ascending}.
 */
public final class SruQuery {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._-]+");

    private SruQuery() {
    }

    public static String incremental(List<String> publicatienamen, LocalDate since, String extraQuery) {
        StringBuilder cql = new StringBuilder("c.product-area==officielepublicaties");
        if (!publicatienamen.isEmpty()) {
            cql.append(" AND (").append(publicatienamen.stream()
                    .map(p -> "w.publicatienaam==" + value(p))
                    .collect(Collectors.joining(" OR "))).append(')');
        }
        cql.append(" AND dt.modified>=").append(quoted(since.toString()));
        if (extraQuery != null && !extraQuery.isBlank()) {
            cql.append(" AND (").append(extraQuery.strip()).append(')');
        }
        return cql.append(" sortBy dt.modified/sort.ascending").toString();
    }

    /** A CQL term: bare when it is a simple word, else double-quoted with quotes and backslashes escaped. */
    static String value(String v) {
        return BARE.matcher(v).matches() ? v : quoted(v);
    }

    private static String quoted(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
