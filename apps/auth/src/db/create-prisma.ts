import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from './generated/client';

export type AuthPrisma = PrismaClient;

export function createPrisma(pool: Pool): AuthPrisma {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
