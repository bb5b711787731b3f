import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient, type Prisma } from './generated/client';

export type TransactionsPrisma = PrismaClient;

/** The client inside an interactive transaction; every query function works on it or on the plain client. */
export type LedgerDb = Prisma.TransactionClient;

export function createPrisma(pool: Pool): TransactionsPrisma {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
