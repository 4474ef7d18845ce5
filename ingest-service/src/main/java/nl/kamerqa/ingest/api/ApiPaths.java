package nl.kamerqa.ingest.api;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * Which requests are uploads, for the upload rate limit, the size check and the count of refused uploads (which
 * requests need the API key is {@link ApiSecurityConfig}'s).
 */
final class ApiPaths {

    private ApiPaths() {
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
     * repeated and trailing slashes removed and in lower case, so no spelling of an upload slips past its limits.
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
