import { createHash } from 'node:crypto';
import { hashRefreshToken, newRefreshToken } from '../refresh-token';

describe('refresh tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256', () => {
    const { token, hash } = newRefreshToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash.equals(createHash('sha256').update(token).digest())).toBe(true);
    expect(hashRefreshToken(token).equals(hash)).toBe(true);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1_000 }, () => newRefreshToken().token));
    expect(tokens.size).toBe(1_000);
  });
});
