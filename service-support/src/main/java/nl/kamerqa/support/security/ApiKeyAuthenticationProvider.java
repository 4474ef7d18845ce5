package nl.kamerqa.support.security;

import nl.kamerqa.support.ApiKeyDigest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a sent key against the configured ones: the API key ({@link ApiKeyRules#API_KEY}) and a service's
 * {@link AdditionalApiKeys}. Keys are kept as SHA-256 digests and compared in constant time ({@link ApiKeyDigest}),
 * every one of them on every request, so the time taken says nothing about a right key, not even which one matched.
 */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private record Configured(ApiKeyDigest digest, String role) {
    }

    private final List<Configured> keys = new ArrayList<>();
    private final List<AdditionalApiKeys> additional;

    public ApiKeyAuthenticationProvider(ApiKeyProperties properties, List<AdditionalApiKeys> additional) {
        if (properties.hasApiKey()) {
            keys.add(new Configured(ApiKeyDigest.of(properties.apiKey()), ApiKeyRules.API_KEY));
        }
        additional.forEach(extra -> extra.keys().forEach(key -> keys.add(new Configured(ApiKeyDigest.of(key),
                extra.role()))));
        this.additional = List.copyOf(additional);
    }

    /** False when no key at all is configured: then every guarded endpoint is switched off. */
    public boolean anyConfigured() {
        return !keys.isEmpty();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] sent = ApiKeyDigest.sha256(String.valueOf(authentication.getCredentials()));
        TreeSet<String> roles = new TreeSet<>();
        for (Configured key : keys) {
            boolean match = key.digest().matchesDigest(sent);
            if (match) {
                roles.add(key.role());
            }
        }
        if (roles.isEmpty()) {
            throw new BadCredentialsException(ApiKeyRefusals.INVALID);
        }
        return ApiKeyAuthentication.authenticated(HexFormat.of().formatHex(sent, 0, 8), roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    /** What to tell a key that its roles do not open an endpoint: the refusal of its additional keys, if any. */
    Optional<String> refusalFor(ApiKeyAuthentication authentication) {
        if (authentication.hasRole(ApiKeyRules.API_KEY)) {
            return Optional.empty();
        }
        return additional.stream().filter(extra -> authentication.hasRole(extra.role()))
                .map(AdditionalApiKeys::refusal).findFirst();
    }
}
