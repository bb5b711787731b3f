// Prints a fresh Ed25519 key pair for internal context tokens as .env lines
// (for docker compose: `node scripts/dev-keys.mjs > .env`). The gateway gets the
// private key, every service the public key. Production keys come from a secret store.
import { exportJWK, generateKeyPair } from 'jose';

const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
process.stdout.write(`INTERNAL_CONTEXT_PRIVATE_KEY='${JSON.stringify(await exportJWK(privateKey))}'\n`);
process.stdout.write(`INTERNAL_CONTEXT_PUBLIC_KEY='${JSON.stringify(await exportJWK(publicKey))}'\n`);
