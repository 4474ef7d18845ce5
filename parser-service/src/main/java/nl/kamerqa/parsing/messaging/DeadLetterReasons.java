package nl.kamerqa.parsing.messaging;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parsing.FailureReason;
import nl.kamerqa.parsing.InvalidRawDocumentException;
import nl.kamerqa.parsing.ParserFailedException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Why a record is dead-lettered: a one-line reason for the {@code kamerqa_dlt_reason} header, and its metric tag. */
public final class DeadLetterReasons {

    public static final String HEADER = "kamerqa_dlt_reason";
    private static final int MAX_LENGTH = 1000;

    private DeadLetterReasons() {
    }

    /** The closed-set reason: {@link FailureReason#DESERIALIZATION} is only known here, at the Kafka layer. */
    public static FailureReason reason(Throwable failure) {
        return unwrap(failure) instanceof DeserializationException
                ? FailureReason.DESERIALIZATION
                : FailureReason.of(failure);
    }

    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        String reason;
        if (cause instanceof DeserializationException) {
            reason = "not a RawDocument JSON value: " + message(rootCause(cause));
        } else if (cause instanceof UnsupportedDocumentException) {
            reason = "unsupported document: " + message(cause);
        } else if (cause instanceof InvalidRawDocumentException) {
            reason = "invalid raw event: " + message(cause);
        } else if (cause instanceof ParserFailedException) {
            reason = "parser error: " + message(cause);
        } else {
            reason = "processing failed: " + cause.getClass().getSimpleName() + ": " + message(cause);
        }
        return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** The container wraps listener exceptions, and a batch listener names the failed record; the reason is inside. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ListenerExecutionFailedException || t instanceof BatchListenerFailedException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String message(Throwable t) {
        String message = t.getMessage();
        // Jackson messages span lines (source excerpt, reference chain); a header reads better as one line
        return message == null ? t.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
    }
}
