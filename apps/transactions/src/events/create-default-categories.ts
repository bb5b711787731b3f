import { TeamCreated } from '@cashier/contracts/cashier/events/v1/userteam';
import { PermanentEventError, processOnce, type EventHandler } from '@cashier/events';
import { isUuid, uuidv7 } from '@cashier/ids';
import type { LedgerDb, TransactionsPrisma } from '../db/create-prisma';
import { insertCategory } from '../db/category-store';
import { categorySnapshot } from '../db/entity-snapshots';
import { runTeamWrite, TeamWrite, type WriteScope } from '../db/team-write';
import { DEFAULT_CATEGORIES } from '../domain/default-categories';
import { categoryChangedEvent } from './category-changed-event';

export const TEAM_SETUP_CONSUMER_GROUP = 'transactions.team-setup';

function decode(payload: Buffer): { teamId: string; createdBy: string } {
  let message: TeamCreated;
  try {
    message = TeamCreated.decode(payload);
  } catch (error) {
    throw new PermanentEventError(`payload is not a TeamCreated: ${(error as Error).message}`);
  }
  const teamId = message.teamId.toLowerCase();
  const createdBy = message.createdBy.toLowerCase();
  if (!isUuid(teamId) || !isUuid(createdBy)) throw new PermanentEventError('team_id or created_by is not a UUID');
  return { teamId, createdBy };
}

async function createDefaults(write: TeamWrite): Promise<number> {
  let created = 0;
  const add = async (name: string, kind: 'expense' | 'income', parentId: string | null) => {
    const row = await insertCategory(write.db, write.teamId, write.actorId, uuidv7(), { name, kind, parentId, archived: false });
    await write.recordChange({ entityType: 'category', entityId: row.id, op: 'created', before: null, after: categorySnapshot(row) });
    await write.publish(categoryChangedEvent(row, 'created', write.actorId, write.scope.requestId));
    created++;
    return row.id;
  };
  for (const category of DEFAULT_CATEGORIES) {
    const parentId = await add(category.name, category.kind, null);
    for (const child of category.children ?? []) await add(child, category.kind, parentId);
  }
  return created;
}

/**
 * Gives every new team the default categories, exactly once however often the
 * TeamCreated event arrives: the inbox row and the categories (with their change-log
 * entries, so clients sync them) commit together.
 */
export function createDefaultCategories(prisma: TransactionsPrisma): EventHandler {
  return async (event, log) => {
    if (!isUuid(event.id.toLowerCase())) throw new PermanentEventError('event id is not a UUID');
    const { teamId, createdBy } = decode(event.payload);
    if (teamId !== event.subject.toLowerCase()) throw new PermanentEventError('payload team does not match the event subject');
    const scope: WriteScope = { teamId, actorId: createdBy, requestId: event.requestid ?? null };
    let created = 0;
    const applied = await processOnce<LedgerDb>(
      (work) => runTeamWrite(prisma, scope, (write) => work(write.db)),
      TEAM_SETUP_CONSUMER_GROUP,
      event.id.toLowerCase(),
      async (db) => {
        created = await createDefaults(new TeamWrite(db, scope));
      },
    );
    log.info({ teamId, applied, created }, applied ? 'default categories created' : 'duplicate event ignored');
  };
}
