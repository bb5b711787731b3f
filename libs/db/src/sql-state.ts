/**
 * The PostgreSQL SQLSTATE of a failed query, wherever the client put it: pg (`code`),
 * Prisma's driver adapter (`cause.originalCode`, or `meta.driverAdapterError.cause` for raw
 * queries). Prisma's own codes (P1xxx–P6xxx) are not SQLSTATEs and are skipped.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const e = error as {
    code?: unknown;
    cause?: { code?: unknown; originalCode?: unknown };
    meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } };
  };
  const candidates = [e?.cause?.originalCode, e?.meta?.driverAdapterError?.cause?.originalCode, e?.cause?.code, e?.meta?.code, e?.code];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && /^[0-9A-Z]{5}$/.test(candidate) && !/^P[1-9]/.test(candidate)) return candidate;
  }
  return undefined;
}

/** A unique-key violation (23505, or Prisma's P2002): e.g. a client-chosen id that already exists. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002' || sqlStateOf(error) === '23505';
}

/** A foreign key that points at nothing (23503): e.g. a referenced row deleted meanwhile. */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23503';
}
