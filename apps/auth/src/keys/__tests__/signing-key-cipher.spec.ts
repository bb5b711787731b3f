import { newSigningKey } from '../new-signing-key';
import { publishedJwk } from '../published-jwk';
import { SigningKeyCipher } from '../signing-key-cipher';

const SECRET = 'a-signing-keys-secret-of-32-chars-or-more';

describe('SigningKeyCipher', () => {
  it('round-trips a private JWK, and the ciphertext does not contain it', async () => {
    const key = await newSigningKey();
    const cipher = new SigningKeyCipher(SECRET);
    const sealed = cipher.encrypt(key.privateJwk, key.kid);
    expect(sealed.toString('latin1')).not.toContain(key.privateJwk.d);
    expect(sealed.toString('base64url')).not.toContain(key.privateJwk.d);
    expect(cipher.decrypt(sealed, key.kid)).toEqual(key.privateJwk);
  });

  it('uses a fresh IV each time', async () => {
    const key = await newSigningKey();
    const cipher = new SigningKeyCipher(SECRET);
    expect(cipher.encrypt(key.privateJwk, key.kid).equals(cipher.encrypt(key.privateJwk, key.kid))).toBe(false);
  });

  it('refuses another secret, another kid, and a tampered ciphertext', async () => {
    const key = await newSigningKey();
    const sealed = new SigningKeyCipher(SECRET).encrypt(key.privateJwk, key.kid);
    expect(() => new SigningKeyCipher(`${SECRET}!`).decrypt(sealed, key.kid)).toThrow(/does not decrypt/);
    expect(() => new SigningKeyCipher(SECRET).decrypt(sealed, 'other-kid')).toThrow(/does not decrypt/);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => new SigningKeyCipher(SECRET).decrypt(tampered, key.kid)).toThrow(/does not decrypt/);
  });
});

describe('newSigningKey and publishedJwk', () => {
  it('makes a P-256 key whose kid is its thumbprint, published without private parts', async () => {
    const key = await newSigningKey();
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(publishedJwk(key.publicJwk, key.kid)).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: key.publicJwk.x,
      y: key.publicJwk.y,
      kid: key.kid,
      alg: 'ES256',
      use: 'sig',
    });
    expect(publishedJwk({ ...key.privateJwk }, key.kid)).not.toHaveProperty('d');
  });
});
