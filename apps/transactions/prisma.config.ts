// Used by the stock Prisma CLI (generate everywhere; migrate where Prisma's engines can be downloaded).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://cashier:cashier@127.0.0.1:5432/cashier_transactions' },
});
