/** What makes two statement lines of one account the same money movement. */
export interface LineIdentity {
  kind: string;
  amountMinor: bigint;
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  payee: string;
}

function keyOf(identity: LineIdentity): string {
  return `${identity.kind}|${identity.amountMinor}|${identity.day}|${identity.payee.trim().toLowerCase()}`;
}

/**
 * Splits lines into new ones and duplicates of transactions already on the account, as
 * multisets: two identical coffees on one day in the file and one such coffee already
 * recorded means one of the two is new. Importing the same file again finds every line.
 */
export function separateDuplicates<L extends LineIdentity>(lines: readonly L[], existing: readonly LineIdentity[]): { fresh: L[]; duplicates: L[] } {
  const remaining = new Map<string, number>();
  for (const identity of existing) remaining.set(keyOf(identity), (remaining.get(keyOf(identity)) ?? 0) + 1);
  const fresh: L[] = [];
  const duplicates: L[] = [];
  for (const line of lines) {
    const key = keyOf(line);
    const count = remaining.get(key) ?? 0;
    if (count > 0) {
      remaining.set(key, count - 1);
      duplicates.push(line);
    } else {
      fresh.push(line);
    }
  }
  return { fresh, duplicates };
}
