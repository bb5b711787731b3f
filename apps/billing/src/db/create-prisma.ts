import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from './generated/client';

export type BillingPrisma = PrismaClient;

export function createPrisma(pool: Pool): BillingPrisma {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
