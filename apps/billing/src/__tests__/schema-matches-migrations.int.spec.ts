import { expectSchemaMatchesDatabase } from '@cashier/testing';
import { createPrisma } from '../db/create-prisma';
import { Prisma } from '../db/generated/client';

it('every model of schema.prisma reads from the migrated cashier_billing database', async () => {
  const checked = await expectSchemaMatchesDatabase('cashier_billing', createPrisma, Prisma.ModelName);
  expect(checked).toEqual(Object.values(Prisma.ModelName));
});
