package nl.kamerqa.ingest.feed;

/**
 * How a poll ended.
 *
 * @param status what happened
 * @param counts what the poll did (also when it failed part-way)
 * @param error  why it failed, null otherwise
 */
public record PollResult(Status status, Counts counts, String error) {

    public enum Status {
        SUCCESS, FAILURE,
        /** another poll of the same source was running; nothing was done */
        BUSY
    }

    public static PollResult success(Counts counts) {
        return new PollResult(Status.SUCCESS, counts, null);
    }

    public static PollResult failure(Counts counts, String error) {
        return new PollResult(Status.FAILURE, counts, error);
    }

    public static PollResult busy() {
        return new PollResult(Status.BUSY, Counts.ZERO, null);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
