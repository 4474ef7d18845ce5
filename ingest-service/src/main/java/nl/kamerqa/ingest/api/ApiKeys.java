package nl.kamerqa.ingest.api;

import nl.kamerqa.ingest.config.SecurityProperties;
import nl.kamerqa.support.ApiKeyDigest;

import java.util.List;

/**
 * The configured keys, kept as SHA-256 digests and compared in constant time ({@link ApiKeyDigest}), so the timing
 * of a wrong key says nothing about a right one, not even its length.
 */
final class ApiKeys {

    /** What a sent key is. */
    enum Match {
        /** no key is configured at all: writes are switched off */
        NONE_CONFIGURED,
        /** the request carries no key */
        MISSING,
        /** the API key: every guarded endpoint */
        API_KEY,
        /** a trusted upload key: uploads only */
        TRUSTED_UPLOADER,
        /** none of the configured keys */
        WRONG
    }

    /** Null when no API key is configured. */
    private final ApiKeyDigest apiKey;
    private final List<ApiKeyDigest> trusted;

    ApiKeys(SecurityProperties security) {
        this.apiKey = security.writesEnabled() ? ApiKeyDigest.of(security.apiKey()) : null;
        this.trusted = security.trustedUploadKeys().stream().map(ApiKeyDigest::of).toList();
    }

    Match match(String given) {
        if (apiKey == null && trusted.isEmpty()) {
            return Match.NONE_CONFIGURED;
        }
        if (given == null || given.isEmpty()) {
            return Match.MISSING;
        }
        byte[] digest = ApiKeyDigest.sha256(given);
        if (apiKey != null && apiKey.matchesDigest(digest)) {
            return Match.API_KEY;
        }
        return isTrusted(digest) ? Match.TRUSTED_UPLOADER : Match.WRONG;
    }

    /** True for a trusted upload key, also when it is the API key as well. */
    boolean trusted(String given) {
        return given != null && !given.isEmpty() && isTrusted(ApiKeyDigest.sha256(given));
    }

    // every key is compared, so the time taken does not say which one matched
    private boolean isTrusted(byte[] digest) {
        boolean found = false;
        for (ApiKeyDigest key : trusted) {
            found |= key.matchesDigest(digest);
        }
        return found;
    }
}
