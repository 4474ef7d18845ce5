package nl.kamerqa.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;

/**
 * A request Spring Security's firewall refuses before any rule or controller sees it (an encoded line feed or NUL,
 * {@code ;}, {@code //}, {@code /../}, an encoded slash, a method it does not know): 400 as an RFC 9457 problem
 * like every other error of the service, where Spring Security would answer with an empty 400.
 */
final class FirewallRejections implements RequestRejectedHandler {

    private final HandlerExceptionResolver resolver;

    FirewallRejections(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request was refused before reaching the service: " + rejected.getMessage());
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, rejected);
        if (resolver.resolveException(request, response, null, refusal) == null && !response.isCommitted()) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), problem.getDetail());
        }
    }
}
