import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JSONWebKeySet, type KeyLike } from 'jose';
import { createLogger } from '@cashier/logger';
import { AccessTokenVerifier, InvalidAccessTokenError } from '../identity/access-token-verifier';

const ISSUER = 'cashier-auth';
const AUDIENCE = 'cashier-api';

describe('AccessTokenVerifier', () => {
  let privateKey: KeyLike;
  let jwks: JSONWebKeySet;
  let fetches: number;
  let verifier: AccessTokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] };
  });

  beforeEach(async () => {
    fetches = 0;
    verifier = new AccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      refreshCooldownMs: 60_000,
      logger: createLogger('test', 'silent'),
      fetchJwks: async () => {
        fetches++;
        return jwks;
      },
    });
    await verifier.warmUp();
  });

  function token(overrides: { aud?: string; iss?: string; exp?: number; kid?: string; typ?: string; sid?: string | null } = {}) {
    const jwt = new SignJWT(overrides.sid === null ? {} : { sid: overrides.sid ?? 'session-1' })
      .setProtectedHeader({ alg: 'ES256', kid: overrides.kid ?? 'k1', typ: overrides.typ ?? 'at+jwt' })
      .setIssuer(overrides.iss ?? ISSUER)
      .setAudience(overrides.aud ?? AUDIENCE)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime(overrides.exp ?? Math.floor(Date.now() / 1000) + 600);
    return jwt.sign(privateKey);
  }

  it('accepts a well-formed token and returns the user and session', async () => {
    await expect(verifier.verify(await token())).resolves.toMatchObject({ userId: 'user-1', sessionId: 'session-1' });
  });

  it.each([
    ['a wrong audience', { aud: 'someone-else' }],
    ['a wrong issuer', { iss: 'evil' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 120 }],
    ['the wrong token type', { typ: 'JWT' }],
    ['no session claim', { sid: null }],
  ])('refuses %s', async (_what, overrides) => {
    await expect(verifier.verify(await token(overrides))).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('refuses a changed payload, alg none, and HS256 signed with the public key', async () => {
    const valid = await token();
    const [header, payload, signature] = valid.split('.');
    const changed = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'admin' })).toString('base64url');
    await expect(verifier.verify(`${header}.${changed}.${signature}`)).rejects.toBeInstanceOf(InvalidAccessTokenError);

    const none = new UnsecuredJWT({ sid: 's' }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('u').setIssuedAt().setExpirationTime('5m').encode();
    await expect(verifier.verify(none)).rejects.toBeInstanceOf(InvalidAccessTokenError);

    const publicBytes = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const confused = await new SignJWT({ sid: 's' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('u')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(publicBytes);
    await expect(verifier.verify(confused)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('refuses a token that brings its own key in the header', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const forged = await new SignJWT({ sid: 's' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt', jwk: await exportJWK(pair.publicKey) })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('u')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(pair.privateKey);
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('fetches the JWKS at most once per cooldown however many unknown kids arrive', async () => {
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => token({ kid: `random-${i}` })));
    const results = await Promise.allSettled(tokens.map((t) => verifier.verify(t)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(fetches).toBeLessThanOrEqual(2);
  });
});

describe('AccessTokenVerifier cache', () => {
  it('refuses a cached token once it has expired', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'ES256' }] };
    const verifier = new AccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      refreshCooldownMs: 60_000,
      logger: createLogger('test', 'silent'),
      fetchJwks: async () => jwks,
    });
    await verifier.warmUp();
    const shortLived = await new SignJWT({ sid: 's' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k', typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('u')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 1)
      .sign(pair.privateKey);
    await expect(verifier.verify(shortLived)).resolves.toMatchObject({ userId: 'u' });
    jest.useFakeTimers({
      now: Date.now() + 60_000,
      doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'nextTick', 'queueMicrotask'],
    });
    try {
      await expect(verifier.verify(shortLived)).rejects.toBeInstanceOf(InvalidAccessTokenError);
    } finally {
      jest.useRealTimers();
    }
  });
});
