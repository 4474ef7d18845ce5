package nl.kamerqa.support.security;

import java.util.List;

/**
 * Keys a service accepts beside the API key, each giving {@code role} only (ingest's trusted upload keys). A bean of
 * this type is all a service declares; the kit compares them like the API key. A key listed here that is also the
 * API key has both roles.
 *
 * @param role    the role the keys give, as {@link ApiKeyRules} names it (without {@code ROLE_})
 * @param keys    the keys; blank ones are dropped, so an unset variable adds none
 * @param refusal the problem detail for such a key on an endpoint its role does not open
 */
public record AdditionalApiKeys(String role, List<String> keys, String refusal) {

    public AdditionalApiKeys {
        keys = keys == null ? List.of() : keys.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
    }
}
