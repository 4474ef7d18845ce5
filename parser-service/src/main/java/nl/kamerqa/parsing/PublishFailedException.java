package nl.kamerqa.parsing;

/** The parsed event was not acknowledged by Kafka in time; transient, so the record is retried. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
