/** The only algorithm access tokens are signed with. */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/** The longest access-token lifetime the configuration allows (ACCESS_TOKEN_TTL_SECONDS). */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 900;

/** How often a running instance re-reads the active key, so it notices a rotation made elsewhere. */
export const KEY_RELOAD_INTERVAL_SECONDS = 60;

/**
 * A retired key stays in the JWKS this long, so every token it signed can still be verified
 * until it expires: the longest token lifetime, plus the time an instance may keep signing
 * with the old key before it reloads, plus a minute for clock skew.
 */
export const RETIRED_KEY_PUBLISHED_SECONDS = MAX_ACCESS_TOKEN_TTL_SECONDS + KEY_RELOAD_INTERVAL_SECONDS + 60;
