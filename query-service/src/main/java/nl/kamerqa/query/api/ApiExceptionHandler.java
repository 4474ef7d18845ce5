package nl.kamerqa.query.api;

import nl.kamerqa.query.StoreUnavailableException;
import nl.kamerqa.query.search.InvalidCursorException;
import nl.kamerqa.support.web.ServiceExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every error as an RFC 9457 problem detail whose {@code detail} says what was wrong. Spring's own exceptions
 * (unknown path, wrong method, ...), the API key's refusals, constraint violations and unexpected errors get theirs
 * from service-support's {@link ServiceExceptionHandler}; parameter errors name the parameter.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ServiceExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final int ECHO_LIMIT = 40;

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not Found", e.getMessage());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ProblemDetail unavailable(StoreUnavailableException e) {
        log.warn("Answering 503: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "The database did not answer in time; try again later");
    }

    @ExceptionHandler(StreamUnavailableException.class)
    ResponseEntity<ProblemDetail> streamUnavailable(StreamUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Live stream unavailable", e.getMessage()));
    }

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        return badRequest(List.of(Map.of("parameter", e.parameter(), "message", e.getMessage().substring(e.parameter().length() + 1))));
    }

    @ExceptionHandler(InvalidCursorException.class)
    ProblemDetail badCursor(InvalidCursorException e) {
        return badRequest(List.of(Map.of("parameter", "cursor", "message", e.getMessage().replaceFirst("^cursor ", ""))));
    }

    /** A query-parameter object with bad values: a number or date that does not parse, a value out of range. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            String message = error.isBindingFailure()
                    ? "must be of type " + expected(error) + ", got '" + echo(error.getRejectedValue()) + "'"
                    : String.valueOf(error.getDefaultMessage());
            errors.add(Map.of("parameter", parameterOf(error), "message", message));
        }
        return handleExceptionInternal(ex, badRequest(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String expected(FieldError error) {
        String field = error.getField();
        if (field.equals("from") || field.equals("to")) {
            return "ISO date (2024-05-31)";
        }
        if (field.equals("answered")) {
            return "boolean (true or false)";
        }
        return "integer";
    }

    /** Non-numeric page or size. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String parameter = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String expected = ex.getRequiredType() != null ? ex.getRequiredType().getSimpleName() : "another type";
        String detail = parameter + " must be of type " + ("int".equals(expected) ? "integer" : expected)
                + ", got '" + echo(ex.getValue()) + "'";
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, BAD_PARAMETER, detail),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The offending value, shortened, so a huge or odd parameter does not fill the response. */
    private static String echo(Object value) {
        String s = String.valueOf(value);
        return s.length() <= ECHO_LIMIT ? s : s.substring(0, ECHO_LIMIT) + "...";
    }
}
