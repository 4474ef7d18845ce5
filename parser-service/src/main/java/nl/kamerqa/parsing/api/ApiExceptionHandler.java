package nl.kamerqa.parsing.api;

import nl.kamerqa.parsing.DeadLettersUnavailableException;
import nl.kamerqa.support.web.ServiceExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as an RFC 9457 problem detail whose {@code detail} says what was wrong: Kafka's absence here; the API
 * key's refusals, a limit out of range and unexpected errors from service-support's {@link ServiceExceptionHandler}.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ServiceExceptionHandler {

    @ExceptionHandler(DeadLettersUnavailableException.class)
    ProblemDetail kafkaUnavailable(DeadLettersUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable", e.getMessage());
    }
}
