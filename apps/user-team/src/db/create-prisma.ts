import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient, type Prisma } from './generated/client';

export type UserTeamPrisma = PrismaClient;

/** The client inside an interactive transaction; every repository works on it or on the plain client. */
export type UserTeamDb = Prisma.TransactionClient;

export function createPrisma(pool: Pool): UserTeamPrisma {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
