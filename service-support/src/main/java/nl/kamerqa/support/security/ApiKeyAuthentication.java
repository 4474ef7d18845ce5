package nl.kamerqa.support.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.List;

/**
 * A request's key: before the check the sent key ({@link #unauthenticated}), after it only the key's id and roles.
 * The id (the first 8 bytes of the key's SHA-256, in hex) names the key in logs and rate limits without revealing it.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String keyId;
    private String sentKey;

    private ApiKeyAuthentication(String keyId, String sentKey, Collection<String> roles) {
        super(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.keyId = keyId;
        this.sentKey = sentKey;
        setAuthenticated(sentKey == null);
    }

    static ApiKeyAuthentication unauthenticated(String sentKey) {
        return new ApiKeyAuthentication(null, sentKey, List.of());
    }

    static ApiKeyAuthentication authenticated(String keyId, Collection<String> roles) {
        return new ApiKeyAuthentication(keyId, null, roles);
    }

    /** Whether the key has {@code role} (as {@link ApiKeyRules} names it). */
    public boolean hasRole(String role) {
        return getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    public String keyId() {
        return keyId;
    }

    /** The sent key until it is checked; never kept afterwards. */
    @Override
    public Object getCredentials() {
        return sentKey;
    }

    @Override
    public Object getPrincipal() {
        return keyId;
    }

    @Override
    public void eraseCredentials() {
        sentKey = null;
        super.eraseCredentials();
    }
}
