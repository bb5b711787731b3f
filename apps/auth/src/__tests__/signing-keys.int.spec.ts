import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { databaseUrl, REPO_ROOT } from '@cashier/testing';
import { RETIRED_KEY_PUBLISHED_SECONDS } from '../domain/signing-key-policy';
import { SigningKeyCipher } from '../keys/signing-key-cipher';
import { ensureSigningKey } from '../use-cases/ensure-signing-key';
import { rotateSigningKey } from '../use-cases/rotate-signing-key';
import { startAuthTestServer, TEST_SIGNING_KEYS_SECRET, type AuthTestServer } from './support/auth-test-server';

describe('signing keys, JWKS and rotation', () => {
  let t: AuthTestServer;
  beforeAll(async () => {
    t = await startAuthTestServer('cashier_auth_it_keys');
  });
  afterAll(() => t.stop());

  const keyDeps = () => ({ prisma: t.prisma, cipher: new SigningKeyCipher(TEST_SIGNING_KEYS_SECRET), clock: t.clock.now });

  /** The checks the gateway applies to an access token. */
  const verifyAgainst = (token: string, jwks: JSONWebKeySet) =>
    jwtVerify(token, createLocalJWKSet(jwks), {
      algorithms: ['ES256'],
      typ: 'at+jwt',
      issuer: 'cashier-auth',
      audience: 'cashier-api',
      requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      currentDate: t.clock.now(),
    });

  it('publishes the active public key as a JWKS, and access tokens verify against it', async () => {
    const jwks = await t.jwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: expect.any(String), alg: 'ES256', use: 'sig' });
    const { tokens } = await t.signIn();
    expect(decodeProtectedHeader(tokens!.accessToken).kid).toBe(jwks.keys[0].kid);
    const { payload } = await verifyAgainst(tokens!.accessToken, jwks);
    expect(payload).toMatchObject({ sub: tokens!.userId, sid: tokens!.sessionId });
  });

  it('keeps the private key encrypted at rest', async () => {
    const [row] = await t.query<{ public_jwk: Record<string, string>; private_jwk_encrypted: Buffer; kid: string }>(
      'SELECT kid, public_jwk, private_jwk_encrypted FROM signing_keys WHERE retired_at IS NULL',
    );
    expect(row.public_jwk).not.toHaveProperty('d');
    const privateJwk = new SigningKeyCipher(TEST_SIGNING_KEYS_SECRET).decrypt(row.private_jwk_encrypted, row.kid);
    expect(row.private_jwk_encrypted.toString('latin1')).not.toContain(privateJwk.d);
    expect(JSON.stringify(await t.query('SELECT * FROM signing_keys'))).not.toContain(privateJwk.d);
  });

  it('rotates without signing anyone out: old tokens verify until the old key leaves the JWKS', async () => {
    const before = (await t.signIn()).tokens!;
    const oldKid = decodeProtectedHeader(before.accessToken).kid;

    const rotated = await rotateSigningKey(keyDeps());
    expect(rotated.retired).toEqual([oldKid]);
    expect(rotated.kid).not.toBe(oldKid);

    const afterRotation = await t.jwks();
    expect(afterRotation.keys.map((k) => k.kid)).toEqual([rotated.kid, oldKid]);
    await expect(verifyAgainst(before.accessToken, afterRotation)).resolves.toBeDefined();

    await t.auth.keyRing.reload();
    t.clock.advance(31);
    const after = (await t.signIn()).tokens!;
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(rotated.kid);
    await expect(verifyAgainst(after.accessToken, afterRotation)).resolves.toBeDefined();

    t.clock.advance(RETIRED_KEY_PUBLISHED_SECONDS + 1);
    expect((await t.jwks()).keys.map((k) => k.kid)).toEqual([rotated.kid]);
  });

  it('refuses to rotate with the wrong secret, changing nothing', async () => {
    const before = await t.query('SELECT kid, retired_at FROM signing_keys ORDER BY kid');
    await expect(rotateSigningKey({ ...keyDeps(), cipher: new SigningKeyCipher(`${TEST_SIGNING_KEYS_SECRET}-wrong`) })).rejects.toThrow(
      /does not decrypt/,
    );
    expect(await t.query('SELECT kid, retired_at FROM signing_keys ORDER BY kid')).toEqual(before);
  });

  it('creates exactly one key when several instances boot at once on an empty table', async () => {
    await t.query('DELETE FROM signing_keys');
    const results = await Promise.all(Array.from({ length: 5 }, () => ensureSigningKey(keyDeps())));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.kid)).size).toBe(1);
    expect(await t.query('SELECT count(*)::int AS n FROM signing_keys')).toEqual([{ n: 1 }]);
    await t.auth.keyRing.reload();
  });

  describe('the operator command rotate-signing-key', () => {
    const bundle = join(REPO_ROOT, 'var', 'test', 'auth', 'rotate-signing-key.js');
    beforeAll(async () => {
      await build({
        entryPoints: [join(__dirname, '..', 'rotate-signing-key.ts')],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        packages: 'external',
        tsconfig: join(REPO_ROOT, 'tsconfig.json'),
        logLevel: 'error',
      });
    });
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [bundle], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 30_000 });

    it('rotates the key and prints the new and retired kids', async () => {
      const [{ kid: oldKid }] = await t.query<{ kid: string }>('SELECT kid FROM signing_keys WHERE retired_at IS NULL');
      const result = run({ DATABASE_URL: databaseUrl(t.database), SIGNING_KEYS_SECRET: TEST_SIGNING_KEYS_SECRET });
      expect(result.status).toBe(0);
      const output = JSON.parse(result.stdout) as { activeKid: string; retiredKids: string[] };
      expect(output.retiredKids).toEqual([oldKid]);
      expect(await t.query('SELECT kid FROM signing_keys WHERE retired_at IS NULL')).toEqual([{ kid: output.activeKid }]);
    });

    it('fails, naming the setting, when a setting is missing; and fails on a wrong secret', () => {
      const missing = run({ DATABASE_URL: databaseUrl(t.database) });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('SIGNING_KEYS_SECRET: is required but not set');
      const wrong = run({ DATABASE_URL: databaseUrl(t.database), SIGNING_KEYS_SECRET: 'x'.repeat(40) });
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain('does not decrypt');
    });
  });
});
