import { SigningKeyRepository } from '../db/signing-key-repository';
import type { AuthTx } from '../db/transaction';
import { ACCESS_TOKEN_ALGORITHM } from '../domain/signing-key-policy';
import { newSigningKey } from '../keys/new-signing-key';
import type { SigningKeyCipher } from '../keys/signing-key-cipher';

/** Generates a key pair and stores it as the active key, private half encrypted; returns its kid. */
export async function activateNewSigningKey(tx: AuthTx, cipher: SigningKeyCipher, now: Date): Promise<string> {
  const key = await newSigningKey();
  await SigningKeyRepository.insertActive(tx, {
    kid: key.kid,
    algorithm: ACCESS_TOKEN_ALGORITHM,
    publicJwk: key.publicJwk,
    privateJwkEncrypted: cipher.encrypt(key.privateJwk, key.kid),
    now,
  });
  return key.kid;
}
