import type { CallerContext } from '@cashier/auth-context';
import { changesSince } from '../db/change-log-queries';
import type { TransactionsPrisma } from '../db/create-prisma';
import type { ChangeLogEntry } from '../db/generated/client';
import { parseId } from '../domain/client-id';
import { pageSize } from '../domain/list-cursor';
import { requirePermission } from '../domain/require-permission';
import { decodeSyncCursor, encodeSyncCursor } from '../domain/sync-cursor';

/** The team's audit trail, as written: who changed what, when, with before and after images (admins only). */
export async function listChanges(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  query: { cursor: string; limit: number; entityId: string },
): Promise<{ changes: ChangeLogEntry[]; cursor: string; hasMore: boolean }> {
  requirePermission(caller, 'manage');
  const since = decodeSyncCursor(query.cursor);
  const limit = pageSize(query.limit, 100, 500);
  const entityId = query.entityId === '' ? null : (parseId(query.entityId) ?? '00000000-0000-0000-0000-000000000000');
  const rows = await changesSince(prisma, caller.teamId, since, limit, entityId);
  const changes = rows.slice(0, limit);
  const last = changes.length > 0 ? changes[changes.length - 1].seq : since;
  return { changes, cursor: encodeSyncCursor(last), hasMore: rows.length > limit };
}
