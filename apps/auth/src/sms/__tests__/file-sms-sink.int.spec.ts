import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSmsSink } from '../file-sms-sink';
import { smsSenderContract } from './sms-sender.contract';

function readLines(file: string): Record<string, string>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);
}

smsSenderContract('FileSmsSink', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sms-sink-'));
  const dir = join(root, 'sms');
  const file = join(dir, 'outbox.jsonl');
  return {
    sender: new FileSmsSink(file),
    received: async () => readLines(file).map(({ to, body }) => ({ to, body })),
    breakProvider: async () => {
      rmSync(dir, { recursive: true, force: true });
      writeFileSync(dir, 'not a directory');
    },
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
});

describe('FileSmsSink', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sms-sink-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the directory and appends one JSON line {to, body, challengeId, at} per message', async () => {
    const file = join(root, 'var', 'sms', 'outbox.jsonl');
    const sink = new FileSmsSink(file, () => new Date('2026-11-26T12:00:00.000Z'));
    await sink.send({ to: '+8801712345678', body: 'Your CashierAI code is 123456. It expires in 5 minutes.', challengeId: 'c-1' });
    await sink.send({ to: '+8801712345679', body: 'second', challengeId: 'c-2' });
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0])).toEqual({
      to: '+8801712345678',
      body: 'Your CashierAI code is 123456. It expires in 5 minutes.',
      challengeId: 'c-1',
      at: '2026-11-26T12:00:00.000Z',
    });
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(['to', 'body', 'challengeId', 'at']);
    expect(JSON.parse(lines[1]).challengeId).toBe('c-2');
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('resolves a relative path against the working directory', () => {
    expect(new FileSmsSink('var/sms/outbox.jsonl').file).toBe(join(process.cwd(), 'var/sms/outbox.jsonl'));
  });
});
