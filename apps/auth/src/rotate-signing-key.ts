// Operator command: activates a new access-token signing key and retires the current one.
// Usage: DATABASE_URL=postgresql://... SIGNING_KEYS_SECRET=... node dist/apps/auth/rotate-signing-key.js
// Running auth instances switch to the new key within a minute; the old one stays in the JWKS
// until the tokens it signed have expired.
import { ConfigError, loadConfig, settings } from '@cashier/config';
import { createPool } from '@cashier/db';
import { authConfigShape } from './config';
import { createPrisma } from './db/create-prisma';
import { systemClock } from './domain/clock';
import { SigningKeyCipher } from './keys/signing-key-cipher';
import { rotateSigningKey } from './use-cases/rotate-signing-key';

async function main(): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: settings.url(['postgresql', 'postgres']),
    SIGNING_KEYS_SECRET: authConfigShape.SIGNING_KEYS_SECRET,
  });
  const pool = createPool({ url: config.DATABASE_URL, max: 1, applicationName: 'auth-rotate-signing-key' });
  const prisma = createPrisma(pool);
  try {
    const cipher = new SigningKeyCipher(config.SIGNING_KEYS_SECRET);
    const result = await rotateSigningKey({ prisma, cipher, clock: systemClock });
    process.stdout.write(`${JSON.stringify({ msg: 'signing key rotated', activeKid: result.kid, retiredKids: result.retired })}\n`);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || !(error instanceof Error) ? String(error instanceof Error ? error.message : error) : error.stack;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: `signing key rotation failed: ${message}` })}\n`);
  process.exit(1);
});
