package nl.kamerqa.support.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.kamerqa.support.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the services' {@code @RestControllerAdvice}s share: every error an RFC 9457 problem detail whose
 * {@code detail} says what was wrong (Spring's own exceptions, and the key check's {@code ApiKeyRefusedException},
 * from the base class), a parameter out of range named in {@code errors}, and anything unexpected a logged 500 that
 * shows no stack trace. A service extends it with its own exceptions.
 */
public abstract class ServiceExceptionHandler extends ResponseEntityExceptionHandler {

    public static final String BAD_PARAMETER = "Bad request parameter";

    private static final Logger log = LoggerFactory.getLogger(ServiceExceptionHandler.class);

    /** Anything else is our fault: logged with its stack trace, answered without it. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error answering method={} path={}", request.getMethod(),
                LogValues.quoted(request.getRequestURI()), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed unexpectedly; see the service log");
    }

    /** A constraint on a parameter ({@code @Min}, {@code @Max}, ...) or on a field of a parameter object. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = result.getMethodParameter().getParameterName();
            // a query-parameter object reports its fields: those are the parameters the client sent
            result.getResolvableErrors().forEach(error -> errors.add(Map.of(
                    "parameter", error instanceof FieldError field ? parameterOf(field) : String.valueOf(parameter),
                    "message", String.valueOf(error.getDefaultMessage()))));
        }
        return handleExceptionInternal(ex, badRequest(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The request parameter a field error is about: the field, without a list index. */
    protected static String parameterOf(FieldError error) {
        return error.getField().replaceAll("\\[\\d+]$", "");
    }

    /** 400 naming each bad parameter, in {@code detail} and as {@code errors} of parameter and message. */
    protected static ProblemDetail badRequest(List<Map<String, String>> errors) {
        String detail = errors.stream().map(e -> e.get("parameter") + " " + e.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, BAD_PARAMETER, detail);
        body.setProperty("errors", errors);
        return body;
    }

    protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return body;
    }
}
