import { Writable } from 'node:stream';
import { createLogger } from '../index';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON with the service, level label and ISO time', () => {
    const { lines, stream } = capture();
    createLogger('transactions', 'info', stream).info({ requestId: 'r1' }, 'hello');
    expect(lines[0]).toMatchObject({ service: 'transactions', level: 'info', requestId: 'r1', msg: 'hello' });
    expect(String(lines[0].time)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('redacts secrets', () => {
    const { lines, stream } = capture();
    createLogger('auth', 'info', stream).info({ body: { otp: '123456', token: 'abc' } }, 'x');
    expect(JSON.stringify(lines[0])).not.toContain('123456');
    expect(JSON.stringify(lines[0])).not.toContain('abc');
  });
});
