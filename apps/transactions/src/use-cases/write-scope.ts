import type { CallerContext } from '@cashier/auth-context';
import type { WriteScope } from '../db/team-write';

export function scopeOf(caller: CallerContext): WriteScope {
  return { teamId: caller.teamId, actorId: caller.userId, requestId: caller.requestId };
}

/** A unique-key violation from Prisma (P2002) or PostgreSQL (23505): here, an id already taken. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown; code?: unknown } };
  return e?.code === 'P2002' || e?.code === '23505' || e?.cause?.originalCode === '23505' || e?.cause?.code === '23505';
}
