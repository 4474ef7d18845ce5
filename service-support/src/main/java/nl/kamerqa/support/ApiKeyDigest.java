package nl.kamerqa.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A configured API key, kept as its SHA-256 digest and compared in constant time ({@link MessageDigest#isEqual} on
 * digests of equal length), so the timing of a wrong key says nothing about the right one, not even its length.
 */
public final class ApiKeyDigest {

    private final byte[] digest;

    private ApiKeyDigest(byte[] digest) {
        this.digest = digest;
    }

    /** @throws IllegalArgumentException for a missing or empty key, which must never match */
    public static ApiKeyDigest of(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an API key must not be empty");
        }
        return new ApiKeyDigest(sha256(key));
    }

    /** False for a missing or empty key. */
    public boolean matches(String given) {
        return given != null && !given.isEmpty() && matchesDigest(sha256(given));
    }

    /** For comparing one sent key with several configured ones: digest it once ({@link #sha256}). */
    public boolean matchesDigest(byte[] givenDigest) {
        return MessageDigest.isEqual(givenDigest, digest);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
