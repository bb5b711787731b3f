import { expectSchemaMatchesDatabase } from '@cashier/testing';
import { createPrisma } from '../db/create-prisma';
import { Prisma } from '../db/generated/client';

it('every model of schema.prisma reads from the migrated cashier_ai_engine database', async () => {
  const checked = await expectSchemaMatchesDatabase('cashier_ai_engine', createPrisma, Prisma.ModelName);
  expect(checked).toEqual(Object.values(Prisma.ModelName));
});
