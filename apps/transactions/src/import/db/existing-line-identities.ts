import type { LedgerDb } from '../../db/create-prisma';
import { formatIsoDate, addDays, parseIsoDate } from '../../planning/domain/civil-date';
import { localDateOf, startOfLocalDay } from '../../planning/domain/zoned-time';
import type { LineIdentity } from '../domain/duplicate-lines';

/** The live expenses and incomes of an account on the local days from `firstDay` to `lastDay`. */
export async function existingLineIdentities(
  db: LedgerDb,
  teamId: string,
  accountId: string,
  timeZone: string,
  firstDay: string,
  lastDay: string,
): Promise<LineIdentity[]> {
  const from = startOfLocalDay(timeZone, parseIsoDate(firstDay)!);
  const to = startOfLocalDay(timeZone, addDays(parseIsoDate(lastDay)!, 1));
  const rows = await db.transaction.findMany({
    where: { teamId, accountId, deletedAt: null, type: { in: ['expense', 'income'] }, occurredAt: { gte: from, lt: to } },
    select: { type: true, amountMinor: true, occurredAt: true, payee: true },
  });
  return rows.map((row) => ({
    kind: row.type,
    amountMinor: row.amountMinor,
    day: formatIsoDate(localDateOf(timeZone, row.occurredAt)),
    payee: row.payee,
  }));
}
