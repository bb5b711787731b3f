import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** A fresh Ed25519 key pair for context tokens, as JWKs (for dev setup and tests). */
export async function generateContextKeyPair(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}
