import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/** An `express.json` verify hook: keeps the bytes of a body that may need a fingerprint. */
export function keepRawBody(req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (req.headers['idempotency-key'] !== undefined) rawBodies.set(req, body);
}

export function rawBodyOf(req: IncomingMessage): Buffer {
  return rawBodies.get(req) ?? Buffer.alloc(0);
}

/** What makes two requests "the same request": method, path with query, and the body exactly as sent. */
export function requestFingerprint(method: string, url: string, body: Buffer): string {
  return createHash('sha256').update(`${method}\n${url}\n`).update(body).digest('hex');
}
