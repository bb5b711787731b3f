import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts private JWKs at rest with AES-256-GCM under a key derived (HKDF-SHA256) from
 * SIGNING_KEYS_SECRET. The kid is authenticated data, so a ciphertext moved to another
 * row does not decrypt. Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 */
export class SigningKeyCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'cashier-auth', 'signing-keys/aes-256-gcm/v1', 32));
  }

  encrypt(privateJwk: JWK, kid: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(kid, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(privateJwk), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(sealed: Uint8Array, kid: string): JWK {
    const data = Buffer.from(sealed);
    if (data[0] !== VERSION) throw new Error(`signing key ${kid}: unknown encryption version ${data[0]}`);
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(kid, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      const plaintext = Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
      return JSON.parse(plaintext.toString('utf8')) as JWK;
    } catch {
      throw new Error(`signing key ${kid} does not decrypt: is SIGNING_KEYS_SECRET the one it was created with?`);
    }
  }
}
