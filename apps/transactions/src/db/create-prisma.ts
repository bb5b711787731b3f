import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from './generated/client';

export type TransactionsPrisma = PrismaClient;

export function createPrisma(pool: Pool): TransactionsPrisma {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
