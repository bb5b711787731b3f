import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from './generated/client';

export type ServicePrisma = PrismaClient;

export function createPrisma(pool: Pool): ServicePrisma {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
