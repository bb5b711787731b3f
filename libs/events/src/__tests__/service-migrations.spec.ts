import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@cashier/testing';
import { OUTBOX_INBOX_SQL } from '../outbox-inbox-sql';

const apps = readdirSync(join(REPO_ROOT, 'apps')).filter((app) => app !== 'gateway');

describe('every service database has the shared outbox and inbox', () => {
  it.each(apps)('%s: its first migration creates them verbatim', (app) => {
    const dir = join(REPO_ROOT, 'apps', app, 'prisma', 'migrations');
    const first = readdirSync(dir).filter((name) => name !== 'migration_lock.toml').sort()[0];
    expect(readFileSync(join(dir, first, 'migration.sql'), 'utf8')).toContain(OUTBOX_INBOX_SQL);
  });

  it.each(apps)('%s: schema.prisma models them', (app) => {
    const schema = readFileSync(join(REPO_ROOT, 'apps', app, 'prisma', 'schema.prisma'), 'utf8');
    expect(schema).toContain('model OutboxEvent {');
    expect(schema).toContain('@@map("outbox")');
    expect(schema).toContain('model InboxEvent {');
    expect(schema).toContain('@@map("inbox")');
  });
});
