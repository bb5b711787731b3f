import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
/** A presented token longer than this cannot be one of ours; do not bother hashing it. */
export const MAX_REFRESH_TOKEN_LENGTH = 128;

/** An opaque refresh token (32 random bytes, base64url) and the SHA-256 that is stored instead of it. */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
