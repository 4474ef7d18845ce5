package nl.kamerqa.query;

/**
 * Which page to read. The HTTP layer rejects bad values with a 400 before they get here; the checks below only
 * guard against programming errors.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be within 1.." + MAX_SIZE + ", was " + size);
        }
    }

    /** Results to skip; a long because page * size can exceed an int. */
    public long offset() {
        return (long) page * size;
    }
}
