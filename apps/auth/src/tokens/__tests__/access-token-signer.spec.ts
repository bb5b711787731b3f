import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, jwtVerify, type KeyLike } from 'jose';
import { isUuid } from '@cashier/ids';
import { AccessTokenSigner } from '../access-token-signer';

describe('AccessTokenSigner', () => {
  let privateKey: KeyLike;
  let publicKey: KeyLike;
  const now = new Date('2026-11-26T12:00:00.750Z');
  const input = { userId: '01900000-0000-7000-8000-0000000000a1', sessionId: '01900000-0000-7000-8000-0000000000b1', now };

  beforeAll(async () => {
    ({ privateKey, publicKey } = await generateKeyPair('ES256'));
  });

  const signer = (ttlSeconds = 600) =>
    new AccessTokenSigner({ active: async () => ({ kid: 'kid-1', privateKey }) }, { issuer: 'cashier-auth', audience: 'cashier-api', ttlSeconds });

  it('puts alg ES256, the kid and typ at+jwt in the protected header, and nothing else', async () => {
    const token = await signer().sign(input);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: 'kid-1', typ: 'at+jwt' });
  });

  it('carries iss, aud, sub, sid, iat, exp = iat + ttl and a unique jti', async () => {
    const token = await signer(600).sign(input);
    const claims = decodeJwt(token);
    expect(claims).toEqual({
      iss: 'cashier-auth',
      aud: 'cashier-api',
      sub: input.userId,
      sid: input.sessionId,
      iat: Math.floor(now.getTime() / 1000),
      exp: Math.floor(now.getTime() / 1000) + 600,
      jti: expect.any(String),
    });
    expect(isUuid(claims.jti!)).toBe(true);
    expect(decodeJwt(await signer().sign(input)).jti).not.toBe(claims.jti);
    expect(signer(600).ttlSeconds).toBe(600);
  });

  it('never outlives the session: a session ending in 90 s gives a token of 90 s', async () => {
    const sessionEndsAt = new Date(now.getTime() + 90_000);
    const claims = decodeJwt(await signer(600).sign({ ...input, sessionEndsAt }));
    expect(claims.exp! - claims.iat!).toBe(90);
    expect(signer(600).lifetimeSeconds(now, sessionEndsAt)).toBe(90);
    expect(signer(600).lifetimeSeconds(now, new Date(now.getTime() + 3_600_000))).toBe(600);
    expect(signer(600).lifetimeSeconds(now, new Date(now.getTime() - 1_000))).toBe(0);
  });

  it('verifies with the public key under the checks the gateway applies', async () => {
    const token = await signer().sign(input);
    const { payload } = await jwtVerify(token, await importJWK(await exportJWK(publicKey), 'ES256'), {
      algorithms: ['ES256'],
      typ: 'at+jwt',
      issuer: 'cashier-auth',
      audience: 'cashier-api',
      requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      currentDate: new Date(now.getTime() + 599_000),
    });
    expect(payload.sub).toBe(input.userId);
    await expect(
      jwtVerify(token, publicKey, { algorithms: ['ES256'], currentDate: new Date(now.getTime() + 601_000) }),
    ).rejects.toThrow(/exp/);
  });
});
