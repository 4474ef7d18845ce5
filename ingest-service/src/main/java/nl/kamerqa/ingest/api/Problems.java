package nl.kamerqa.ingest.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/** Answers from a servlet filter through the MVC exception handlers, so filters and controllers answer alike. */
final class Problems {

    private Problems() {
    }

    static void render(HandlerExceptionResolver resolver, HttpServletRequest request, HttpServletResponse response,
                       RuntimeException problem, HttpStatus fallback) throws IOException {
        ModelAndView handled = resolver.resolveException(request, response, null, problem);
        if (handled == null && !response.isCommitted()) {
            // no handler took it (should not happen): still never let the request through
            response.sendError(fallback.value(), problem.getMessage());
        }
    }
}
