/** A unique-key violation from Prisma (P2002) or PostgreSQL (23505): a client-chosen id that already exists. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown; code?: unknown } };
  return e?.code === 'P2002' || e?.code === '23505' || e?.cause?.originalCode === '23505' || e?.cause?.code === '23505';
}
