import type { CallerContext } from '@cashier/auth-context';
import type { WriteScope } from '../db/team-write';

export function scopeOf(caller: CallerContext): WriteScope {
  return { teamId: caller.teamId, actorId: caller.userId, requestId: caller.requestId };
}
