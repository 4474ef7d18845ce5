package nl.kamerqa.ingest.api;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Set;

/** Which requests the API key and the upload rate limit apply to. */
final class ApiPaths {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private ApiPaths() {
    }

    /**
     * Admin endpoints ({@code /api/admin/**}, any method) and every write method under {@code /api/**}; read
     * endpoints and the actuator stay public.
     */
    static boolean guarded(HttpServletRequest request) {
        String path = path(request);
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return false;
        }
        return !READ_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
                || path.equals("/api/admin") || path.startsWith("/api/admin/");
    }

    /** {@code POST /api/documents} and {@code POST /api/documents/batch}: the requests that carry documents. */
    static boolean upload(HttpServletRequest request) {
        String path = path(request);
        return "POST".equalsIgnoreCase(request.getMethod())
                && (path.equals(DocumentController.PATH) || path.equals(BatchUploadController.PATH));
    }

    /** {@code POST /api/documents/batch}. */
    static boolean batch(HttpServletRequest request) {
        return "POST".equalsIgnoreCase(request.getMethod()) && path(request).equals(BatchUploadController.PATH);
    }

    /**
     * The path as the servlet container decoded and normalised it (no {@code ;params}, no {@code ..}), with
     * repeated and trailing slashes removed and in lower case, so no spelling of a guarded path slips through.
     */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = (servletPath + pathInfo).replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }
}
