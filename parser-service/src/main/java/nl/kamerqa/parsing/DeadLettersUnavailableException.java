package nl.kamerqa.parsing;

/** Kafka did not answer a dead-letter request in time; the HTTP layer answers 503. */
public class DeadLettersUnavailableException extends RuntimeException {
    public DeadLettersUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
