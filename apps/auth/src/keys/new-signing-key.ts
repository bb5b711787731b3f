import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '../domain/signing-key-policy';

export interface NewSigningKey {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
}

/** A fresh P-256 key pair; its kid is the RFC 7638 thumbprint of the public key. */
export async function newSigningKey(): Promise<NewSigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  return { kid, publicJwk, privateJwk: await exportJWK(privateKey) };
}
