import { expectSchemaMatchesDatabase } from '@cashier/testing';
import { createPrisma } from '../db/create-prisma';
import { Prisma } from '../db/generated/client';

it('every model of schema.prisma reads from the migrated cashier_user_team database', async () => {
  const checked = await expectSchemaMatchesDatabase('cashier_user_team', createPrisma, Prisma.ModelName);
  expect(checked).toEqual(Object.values(Prisma.ModelName));
});
