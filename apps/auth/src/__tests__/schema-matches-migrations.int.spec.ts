import { expectSchemaMatchesDatabase } from '@cashier/testing';
import { createPrisma } from '../db/create-prisma';
import { Prisma } from '../db/generated/client';

it('every model of schema.prisma reads from the migrated cashier_auth database', async () => {
  const checked = await expectSchemaMatchesDatabase('cashier_auth', createPrisma, Prisma.ModelName);
  expect(checked).toEqual(Object.values(Prisma.ModelName));
});
