package nl.kamerqa.parsing;

/**
 * Handling a batch of deliveries stopped at {@link #index()}: every delivery before it is done (stored and published,
 * or skipped), the one at the index and those after it are not. The cause says why (retryable or not).
 */
public class BatchStoppedException extends RuntimeException {

    private final int index;

    public BatchStoppedException(int index, RuntimeException cause) {
        super("stopped at delivery " + index + " of the batch: " + cause, cause);
        this.index = index;
    }

    public int index() {
        return index;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
