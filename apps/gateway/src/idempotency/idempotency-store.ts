import type Redis from 'ioredis';

/** A response as it is replayed: status, the headers worth repeating, the body as sent. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Entry = { state: 'in-flight'; fingerprint: string } | ({ state: 'done'; fingerprint: string } & StoredResponse);

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'in-flight' }
  | { outcome: 'mismatch' }
  | { outcome: 'replay'; response: StoredResponse };

export interface IdempotencyTtls {
  /** How long a claimed key stays in flight if its request never finishes. */
  lockMs: number;
  /** How long a finished response is replayed. */
  ttlMs: number;
}

/** Redis did not answer (down, or slower than the client's command timeout). */
export class IdempotencyStoreUnavailable extends Error {
  constructor(cause: unknown) {
    super('the idempotency store is unavailable', { cause });
    this.name = 'IdempotencyStoreUnavailable';
  }
}

// Returns the existing entry, or sets the in-flight one and returns nil: atomic, one round trip.
const CLAIM = `
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`;

/** The Idempotency-Key entries in Redis: claim a key, then record its response or release it. */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttls: IdempotencyTtls,
  ) {}

  async claim(key: string, fingerprint: string): Promise<Claim> {
    const inFlight: Entry = { state: 'in-flight', fingerprint };
    const existing = await this.command(async () => {
      const raw = (await this.redis.eval(CLAIM, 1, key, JSON.stringify(inFlight), this.ttls.lockMs)) as string | null;
      return raw === null ? null : (JSON.parse(raw) as Entry);
    });
    if (existing === null) return { outcome: 'claimed' };
    if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (existing.state === 'in-flight') return { outcome: 'in-flight' };
    const { status, headers, body } = existing;
    return { outcome: 'replay', response: { status, headers, body } };
  }

  async complete(key: string, fingerprint: string, response: StoredResponse): Promise<void> {
    const done: Entry = { state: 'done', fingerprint, ...response };
    await this.command(() => this.redis.set(key, JSON.stringify(done), 'PX', this.ttls.ttlMs));
  }

  /** Forgets a claimed key, so that the client may retry (after a 5xx, or a response that cannot be replayed). */
  async release(key: string): Promise<void> {
    await this.command(() => this.redis.del(key));
  }

  private async command<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new IdempotencyStoreUnavailable(error);
    }
  }
}
